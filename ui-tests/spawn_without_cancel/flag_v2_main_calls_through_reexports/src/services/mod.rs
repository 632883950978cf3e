mod pump;
pub use self::pump::spawn_pumps;
