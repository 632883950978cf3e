// Two globs could each provide `guard` and `defer!`: leaklint cannot tell which.
use scopeguard::*;
use my_guards::*;

pub fn ambiguous(conn: Conn, log: &Log) {
    let buf = [0u8; 16 * 1024];
    let _c = guard(conn, |c| c.close(buf[0]));
    defer! { log.bytes(buf.len()); }
}
