// v2: a worker that only `main` starts runs for the life of the process,
// also when `main` reaches it through the library's re-exports: a rename
// (`pub use heartbeat::start as start_heartbeat;`), a glob (`pub use
// metrics::*;`), an inline `prelude` module, an import that renames it
// in the binary, or a rename of a module's own re-export (`pub use
// services::spawn_pumps as start_pumps;`, `services` re-exporting it from
// `pump`). Each worker below is started once, from a `main`.
mod cleanup;
mod heartbeat;
mod janitor;
mod metrics;
mod reporter;
pub mod services;

pub use heartbeat::start as start_heartbeat;
pub use janitor::start as start_janitor;
pub use metrics::*;
pub use services::spawn_pumps as start_pumps;

pub mod prelude {
    pub use crate::reporter::start_reporter;
}

pub mod jobs {
    pub use crate::cleanup::start;
}
