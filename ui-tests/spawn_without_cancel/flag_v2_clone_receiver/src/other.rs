/// Near miss: a clone of a value whose type is not known here: `sweep` may
/// be any type's method.
pub fn start(source: &dyn Fn() -> Box<dyn std::any::Any>) {
    let value = source();
    let copy = value.clone();
    tokio::spawn(async move { copy.sweep().await });
}
