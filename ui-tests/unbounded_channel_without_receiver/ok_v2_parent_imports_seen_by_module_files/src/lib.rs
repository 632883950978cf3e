// The root imports tokio's bounded channel, and defines its own
// `unbounded_channel` that is not tokio's.
use tokio::sync::mpsc::channel;

mod glob_of_parent;
mod own_item;
#[cfg(test)]
mod tests;

pub fn unbounded_channel<T>() -> (Vec<T>, Vec<T>) {
    (Vec::new(), Vec::new())
}
