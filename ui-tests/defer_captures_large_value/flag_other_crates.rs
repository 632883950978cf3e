// The other defer crates and the default `guard_functions`.
use defer_lite::defer;
use futures::future::OnDrop;

pub fn with_defer_lite(log: &Log) {
    let page = [0u8; 4096];
    defer! { log.write(&page[..16]); } //~ defer_captures_large_value
    render(&page);
}

pub fn with_on_drop_type(log: &Log) {
    let buf = vec![0u8; 100_000];
    let _guard = OnDrop::new(move || log.freed(buf.len())); //~ defer_captures_large_value
}

pub fn with_local_guard_types(log: &Log) {
    let frame = [0u8; 0x2000];
    let _a = CallOnDrop::new(|| log.frame(frame.len())); //~ defer_captures_large_value
    let staging = [0u32; 2048];
    let _b = crate::util::DropGuard::new(|| log.staging(staging[0])); //~ defer_captures_large_value
    let blob = vec![0u8; 10_000];
    let _c = Defer::new(|| log.blob(blob.len())); //~ defer_captures_large_value
    let arena = [0u8; 5000];
    let _d = on_drop(|| log.arena(arena.len())); //~ defer_captures_large_value
}

pub struct CallOnDrop<F: FnMut()>(F);

impl<F: FnMut()> CallOnDrop<F> {
    pub fn new(f: F) -> Self {
        CallOnDrop(f)
    }
}
