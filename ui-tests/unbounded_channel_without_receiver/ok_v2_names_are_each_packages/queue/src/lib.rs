// A package with its own `unbounded_channel` and `private_queue`.
mod glob_of_parent;
mod paths_into_parent;

pub fn unbounded_channel<T>() -> (Vec<T>, Vec<T>) {
    (Vec::new(), Vec::new())
}

pub fn private_queue<T>() -> (Vec<T>, Vec<T>) {
    (Vec::new(), Vec::new())
}
