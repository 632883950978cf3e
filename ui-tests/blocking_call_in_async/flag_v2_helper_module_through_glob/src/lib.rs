//! Modules that reach their parent's modules through `use super::*;`.

pub mod api;
pub mod platform;

/// Retry pauses: a module of the crate root, written inline.
pub mod backoff {
    pub fn pause(attempt: u32) {
        std::thread::sleep(std::time::Duration::from_millis(10 * u64::from(attempt)));
    }

    /// Computes the delay only; it does not wait.
    pub fn delay_for(attempt: u32) -> std::time::Duration {
        std::time::Duration::from_millis(10 * u64::from(attempt))
    }
}
