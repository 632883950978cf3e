macro_rules! defer {
    ($($t:tt)*) => {};
}
