// Captures of small or unknown-size values are left alone.
use scopeguard::{defer, guard};
use std::io::Read;

const SMALL: usize = 512;
const HUGE_SHIFT: usize = 1 << 70;

pub fn small_arrays(log: &Log) {
    let header = [0u8; 64];
    let words = [0u32; 1023];
    let just_under = [0u8; 4095];
    let tiny = vec![0u8; SMALL];
    let cap = Vec::<u8>::with_capacity(4000);
    let name = String::with_capacity(128);
    defer! {
        log.sizes(header.len(), words.len(), just_under.len(), tiny.len(), cap.len(), name.len());
    }
}

pub fn unknown_sizes(log: &Log, n: usize, reader: &mut impl Read) {
    let runtime = vec![0u8; n];
    let external = [0u8; config::BUF_SIZE];
    let overflow = [0u8; HUGE_SHIFT];
    let structs = [Slot::EMPTY; 8192];
    let decoded = decode(reader);
    let cloned = header_template().clone();
    let partial = {
        let mut b = [0u8; 16];
        reader.read(&mut b).ok();
        b
    };
    let _g = guard((), |_| {
        log.sizes(runtime.len(), external.len(), overflow.len(), structs.len(), decoded.len(), cloned.len(), partial.len());
    });
}

pub fn read_is_not_whole_input(log: &Log, reader: &mut impl Read) -> std::io::Result<()> {
    let mut buf = Vec::new();
    reader.read(&mut buf)?;
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    defer! { log.sizes(buf.len(), line.len()); }
    Ok(())
}

pub fn len_computed_before(log: &Log) {
    let buf = vec![0u8; 1 << 20];
    let len = buf.len();
    defer! { log.freed(len); }
    consume(buf);
}

pub async fn read_not_awaited_yet(path: &str, log: &Log) {
    let pending = tokio::fs::read(path);
    let _g = guard((), |_| log.pending(&pending));
}

// What a read's result is mapped to is not the bytes read.
pub fn read_then_mapped(path: &str, log: &Log) -> anyhow::Result<()> {
    let size = std::fs::read(path).map(|bytes| bytes.len())?;
    defer! { log.size(size); }
    Ok(())
}

// Near misses: a `match` that keeps only the length, or whose error arm
// yields a value of its own, is not taken for the read's bytes.
pub fn replay_sizes(path: &str, audit: &Audit) -> usize {
    let size = match std::fs::read(path) {
        Ok(d) => d.len(),
        Err(_) => return 0,
    };
    let fallback = match std::fs::read(path) {
        Ok(d) => d,
        Err(_) => Vec::new(),
    };
    defer! { audit.bytes(size + fallback.capacity()); }
    size
}
