pub mod blockprint;
pub mod updater;
