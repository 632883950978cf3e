use scopeguard::defer;

use crate::limits::{BUF_SIZE, SMALL};

pub fn imported() {
    let buf = [0u8; BUF_SIZE];
    defer! { println!("{}", buf.len()); } //~ defer_captures_large_value
}

pub fn by_module_path() {
    let frames = vec![0u64; crate::limits::FRAMES];
    defer! { println!("{}", frames.len()); } //~ defer_captures_large_value
}

pub fn capacity() {
    let out = String::with_capacity(super::limits::BUF_SIZE);
    let staged = Vec::<u32>::with_capacity(crate::limits::FRAMES);
    defer! { println!("{} {}", out.len(), staged.len()); } //~ defer_captures_large_value
}

/// Near miss: the const is small.
pub fn small() {
    let buf = [0u8; SMALL];
    defer! { println!("{}", buf.len()); }
}

/// Near miss: no const of that name in that module.
pub fn unknown() {
    let buf = [0u8; crate::limits::MISSING];
    defer! { println!("{}", buf.len()); }
}

/// A multiple of a const of another module.
pub fn doubled() {
    let buf = [0u8; 2 * BUF_SIZE];
    let frames = vec![0u64; crate::limits::FRAMES * 4];
    defer! { println!("{} {}", buf.len(), frames.len()); } //~ defer_captures_large_value
}

/// Near miss: a small const times a small factor. (A quotient of a const
/// of another module is not read: its length stays unknown.)
pub fn still_small() {
    let buf = [0u8; 4 * SMALL];
    let half = [0u8; BUF_SIZE / 2];
    defer! { println!("{} {}", buf.len(), half.len()); }
}

/// A boxed array whose length is a const of another module.
pub fn boxed() {
    let frame = Box::new([0u8; BUF_SIZE]);
    defer! { println!("{}", frame.len()); } //~ defer_captures_large_value
}

/// Near miss: a small boxed one.
pub fn boxed_small() {
    let frame = Box::new([0u8; SMALL]);
    defer! { println!("{}", frame.len()); }
}
