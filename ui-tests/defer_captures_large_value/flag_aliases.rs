// The same constructs written through renames, groups, `self` and
// `#[macro_use]`.
#[macro_use]
extern crate scopeguard;

use scopeguard::{self as sg, guard as on_exit};
use std::fs::{self as filesystem, read as slurp};
use defer_lite::defer as later;

const KIB: usize = 1024;
const BUF_LEN: usize = 8 * KIB;

pub fn via_macro_use(log: &Log) {
    let buf = [0u8; BUF_LEN];
    defer! { log.done(buf.len()); } //~ defer_captures_large_value
    log.start();
}

pub fn via_crate_alias(log: &Log) {
    let buf = [0u8; BUF_LEN];
    let _g = sg::guard_on_success(log, |l| l.done(buf.len())); //~ defer_captures_large_value
}

pub fn via_renamed_fn(conn: Conn) {
    let buf = vec![0u8; BUF_LEN];
    let _c = on_exit(conn, move |c| c.close_with(buf.len())); //~ defer_captures_large_value
}

pub fn via_renamed_macro(path: &str, log: &Log) {
    let bytes = slurp(path).unwrap();
    later! { log.size(bytes.len()); } //~ defer_captures_large_value
}

pub fn via_module_alias(path: &str, log: &Log) -> std::io::Result<()> {
    let text = filesystem::read_to_string(path)?;
    sg::defer! { log.size(text.len()); } //~ defer_captures_large_value
    Ok(())
}
