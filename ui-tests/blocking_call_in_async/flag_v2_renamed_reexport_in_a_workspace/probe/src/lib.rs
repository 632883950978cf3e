mod util;

pub use util::pause as settle;

// Near miss: this package's `pause` only counts.
pub async fn probe() -> u32 {
    crate::settle(3)
}
