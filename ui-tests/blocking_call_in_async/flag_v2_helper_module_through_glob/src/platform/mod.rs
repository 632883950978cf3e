pub mod linux;

/// Reads the kernel's view of the disk, waiting on the device.
pub mod probe {
    pub fn settle() {
        let out = std::process::Command::new("udevadm").arg("settle").output();
        drop(out);
    }
}
