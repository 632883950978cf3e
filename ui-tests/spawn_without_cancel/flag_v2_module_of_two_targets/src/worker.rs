/// In both trees `crate::pump` is the library's `pump`, defined at its root
/// (imported at the binary's): the task it runs loops forever. Flagged.
pub fn on_connect() {
    tokio::spawn(crate::pump()); //~ spawn_without_cancel
}
