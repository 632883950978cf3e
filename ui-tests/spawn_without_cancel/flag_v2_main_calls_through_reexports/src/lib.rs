// v2: a worker that only `main` starts runs for the life of the process,
// also when `main` reaches it through the library's re-exports: a rename
// (`pub use heartbeat::start as start_heartbeat;`), a glob (`pub use
// metrics::*;`), an inline `prelude` module, or an import that renames it
// in the binary. Each worker below is started once, from a `main`.
mod cleanup;
mod heartbeat;
mod janitor;
mod metrics;
mod reporter;

pub use heartbeat::start as start_heartbeat;
pub use janitor::start as start_janitor;
pub use metrics::*;

pub mod prelude {
    pub use crate::reporter::start_reporter;
}

pub mod jobs {
    pub use crate::cleanup::start;
}
