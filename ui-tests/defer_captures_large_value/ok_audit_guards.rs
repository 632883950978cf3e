// An independent reader's near-misses from RULES.md: small or unknown
// sizes, a guard using only its own value, closures that are not defer
// constructs, sizes computed before the guard.
use scopeguard::{defer, guard};

const SMALL: usize = 16;

pub fn below_threshold() {
    let buf = [0i8; 4095];
    let bytes = vec![0u8; 1024];
    let table = [0u64; SMALL];
    let name = String::with_capacity(100);
    defer! { log(buf.len() + bytes.len() + table.len() + name.len()); }
}

pub fn unknown_sizes(v: Vec<u8>, n: usize) {
    let data = load();
    let sized = vec![0u8; n];
    defer! { log(v.len() + data.len() + sized.len()); }
}

pub fn generic<const N: usize>() {
    let buf = [0u8; N];
    defer! { log(buf.len()); }
}

pub fn own_value(path: &str) {
    let data = std::fs::read(path).unwrap();
    let data = guard(data, |d| log(d.len()));
    parse(&data);
    let buf = vec![0u8; 1 << 20];
    let mut g = scopeguard::guard_on_success(buf, |b| log(b.len()));
    g.push(1);
}

pub fn length_first() {
    let buf = vec![0u8; 1 << 20];
    let len = buf.len();
    defer! { log(len); }
    consume(&buf);
}

pub fn shadowed() {
    let buf = [0u8; 8192];
    let buf = buf.len();
    defer! { log(buf); }
}

pub fn not_a_defer() {
    let big = [0u8; 65536];
    let f = || big.len();
    f();
    std::thread::scope(|s| {
        s.spawn(|| big.len());
    });
}
