// The crate root re-exports the fns that make its workers; the routes
// import them from the root (`use crate::make_relay;`), not from the
// module that defines them.
mod relay;
mod routes;

pub use crate::relay::factory::make_relay;
pub(crate) use relay::factory::{make_probe, make_ticker};
// Another crate's fn, re-exported: its return type is not the crate's.
pub use metrics_crate::make_reporter;
