// A single glob import of scopeguard resolves its names.
use scopeguard::*;

pub fn via_glob(conn: Conn, log: &Log) {
    let buf = [0u8; 16 * 1024];
    let _c = guard(conn, |c| c.close(buf[0])); //~ defer_captures_large_value
    defer! { log.bytes(buf.len()); } //~ defer_captures_large_value
}
