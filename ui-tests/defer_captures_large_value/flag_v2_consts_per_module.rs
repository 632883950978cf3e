// A length named by a const of this file is resolved per module: through an
// import or a path into an inline module, `self::`, `crate::`, an
// associated const (`Type::N`, `Self::N` of the `impl` it is written in).
// A nested module's own const shadows its parent's.
use scopeguard::defer;

mod limits {
    pub const BUF_SIZE: usize = 64 * 1024;

    pub mod frames {
        pub const FRAME: usize = super::BUF_SIZE / 4;
    }
}
use limits::BUF_SIZE;

const TOP: usize = 8192;

pub fn imported(log: &Log) {
    let buf = [0u8; BUF_SIZE];
    defer! { log.done(buf.len()); } //~ defer_captures_large_value
}

pub fn by_path(log: &Log) {
    let buf = [0u8; limits::frames::FRAME];
    defer! { log.done(buf.len()); } //~ defer_captures_large_value
}

pub fn self_and_crate(log: &Log) {
    let first = [0u8; self::TOP];
    let second = [0u8; crate::TOP];
    defer! { log.done(first.len() + second.len()); } //~ defer_captures_large_value
}

mod worker {
    use scopeguard::defer;

    // Near miss: this module's own BUF_SIZE, not the parent's.
    const BUF_SIZE: usize = 16;

    pub fn own_const(log: &super::Log) {
        let buf = [0u8; BUF_SIZE];
        defer! { log.done(buf.len()); }
    }
}

struct Codec;

impl Codec {
    const N: usize = 8;
}

struct Frame;

impl Frame {
    const N: usize = 1 << 16;

    pub fn own(log: &Log) {
        let buf = [0u8; Self::N];
        defer! { log.done(buf.len()); } //~ defer_captures_large_value
    }

    // Near miss: another type's N.
    pub fn other(log: &Log) {
        let buf = [0u8; Codec::N];
        defer! { log.done(buf.len()); }
    }
}

pub struct Log;

impl Log {
    pub fn done(&self, _n: usize) {}
}
