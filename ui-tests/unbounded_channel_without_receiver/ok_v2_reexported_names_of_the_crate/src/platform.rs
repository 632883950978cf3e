// One name, two items under different cfgs: which one is compiled is not
// known, so neither is assumed.
#[cfg(unix)]
pub use crossbeam_channel::unbounded as channel;
#[cfg(not(unix))]
pub use crossbeam_channel::bounded as channel;
