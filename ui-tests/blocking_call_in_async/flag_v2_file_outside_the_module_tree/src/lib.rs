// No `mod legacy;`: `legacy.rs` is not part of the library, so it is its
// own crate, whose own helpers are followed.
pub async fn lib_fn() {}

// A helper of the library by the same name does not block: the file
// outside the tree calls its own.
pub fn settle() {}
