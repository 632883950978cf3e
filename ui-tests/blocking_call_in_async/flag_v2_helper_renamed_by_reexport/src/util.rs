use std::time::Duration;

pub fn pause(d: Duration) {
    std::thread::sleep(d);
}

pub fn wait(d: Duration) {
    std::thread::sleep(d);
}

pub fn checksum(bytes: &[u8]) -> u32 {
    bytes.iter().map(|&b| u32::from(b)).sum()
}
