// The crate's name for tokio's command type, used by the other files.
pub use tokio::process::Command as AsyncCommand;
pub use tokio::time::timeout as with_deadline;
