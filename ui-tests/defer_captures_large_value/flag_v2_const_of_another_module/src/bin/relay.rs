// A binary of the package names the library's consts by the library's
// name: they are the same consts.
use flag_v2_const_of_another_module::limits::{BUF_SIZE, SMALL};
use scopeguard::defer;

fn imported() {
    let buf = vec![0u8; BUF_SIZE];
    defer! { println!("{}", buf.len()); } //~ defer_captures_large_value
}

fn by_path() {
    let frames = [0u64; flag_v2_const_of_another_module::limits::FRAMES];
    let _g = scopeguard::guard((), |_| println!("{}", frames.len())); //~ defer_captures_large_value
}

/// Near miss: the library's const is small.
fn small() {
    let buf = vec![0u8; SMALL];
    defer! { println!("{}", buf.len()); }
}

fn main() {
    imported();
    by_path();
    small();
}
