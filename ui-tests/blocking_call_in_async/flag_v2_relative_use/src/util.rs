use std::time::Duration;

pub fn pause() {
    std::thread::sleep(Duration::from_millis(50));
}

pub fn sleep_quietly() {
    std::thread::sleep(Duration::from_millis(5));
}

pub fn fetch_remote() -> String {
    let stream = std::net::TcpStream::connect("backend.internal:80");
    format!("{}", stream.is_ok())
}

pub fn quick() -> u64 {
    42
}
