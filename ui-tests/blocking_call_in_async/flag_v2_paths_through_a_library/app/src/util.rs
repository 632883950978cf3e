use std::time::Duration;

pub fn pause() {
    std::hint::spin_loop();
}

pub fn settle() {
    std::thread::sleep(Duration::from_millis(200));
}
