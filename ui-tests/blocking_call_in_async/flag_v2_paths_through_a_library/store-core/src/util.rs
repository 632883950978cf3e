use std::time::Duration;

pub fn pause() {
    std::thread::sleep(Duration::from_millis(200));
}

pub fn settle() {
    std::hint::spin_loop();
}
