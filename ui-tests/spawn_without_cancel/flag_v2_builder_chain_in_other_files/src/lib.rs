// v2: a receiver's type through a chain of calls whose declared return
// types live in other files: `Worker::builder()` returns a builder,
// `.table(…)` returns `Self`, `.build()` returns the worker.
pub mod relay;
mod worker;
