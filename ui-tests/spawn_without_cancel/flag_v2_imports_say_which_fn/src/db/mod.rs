mod reporter;

pub use reporter::start_reporter;
