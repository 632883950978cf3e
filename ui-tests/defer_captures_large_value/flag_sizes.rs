// Every way a size is known: typed arrays, nested arrays, `Box::new`,
// `BytesMut`, const arithmetic and the file's `const` items.
use bytes::BytesMut;
use scopeguard::defer;

const PAGE: usize = 1 << 12;
const PAGES: usize = (PAGE * 4) / 1024;

struct Codec;

impl Codec {
    const FRAME: usize = 2 * PAGE;

    fn decode(&self, log: &Log) {
        let frame = [0u8; Self::FRAME];
        defer! { log.frame(frame[0]); } //~ defer_captures_large_value
        self.feed(&frame);
    }
}

pub fn typed_without_initialiser(log: &Log, fill: bool) {
    let block: [u8; PAGE];
    block = [1; PAGE];
    defer! { log.block(block.len()); } //~ defer_captures_large_value
}

pub fn typed_array_with_call(log: &Log) {
    let header: [u32; PAGES * 64] = read_header();
    defer! { log.header(header[0]); } //~ defer_captures_large_value
}

pub fn nested_arrays(log: &Log) {
    let grid = [[0u8; 64]; 128];
    defer! { log.grid(grid.len()); } //~ defer_captures_large_value
}

pub fn boxed(log: &Log) {
    let words = Box::new([0u64; 512]);
    let unknown = Box::new([Cell::EMPTY; 8192]);
    defer! { log.words(words.len(), unknown.len()); } //~ defer_captures_large_value
}

pub fn bytes_mut(log: &Log) {
    let out = BytesMut::with_capacity(64 * 1024usize);
    defer! { log.out(out.capacity()); } //~ defer_captures_large_value
}

pub fn typed_vec(log: &Log) {
    let ids: Vec<u64> = vec![0; 512];
    defer! { log.ids(ids.len()); } //~ defer_captures_large_value
}

pub fn cast_length(log: &Log) {
    let ring = [0i16; u16::MAX as usize + 1];
    defer! { log.ring(ring.len()); } //~ defer_captures_large_value
}
