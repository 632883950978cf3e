// `tests.rs` and `worker/fixtures.rs` are declared under `#[cfg(test)]`:
// test code, whose leaks do not outlive a test run.
pub mod worker;

#[cfg(test)]
mod tests;
