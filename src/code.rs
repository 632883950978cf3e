//! The code of a file without its comments and literals, for the pre-filter.
//!
//! Rules look at code only, so a word in a comment, a doc comment or a string
//! literal cannot make a rule fire. The lexing (nested block comments, raw and
//! byte strings, character literals versus lifetimes) is the delimiter
//! pre-scan's, in [`crate::nesting`].

use std::ops::Range;

use crate::nesting::{
    memchr, raw_string_start, skip_block_comment, skip_quote, skip_raw_string, skip_string,
};

/// Calls `f` with every byte range of `src` that is code: everything but
/// comments, string and byte-string literals and character literals. Ranges
/// are in order and do not touch each other's tokens: a boundary between two
/// ranges is never inside an identifier.
pub fn for_each_code_range(src: &str, mut f: impl FnMut(Range<usize>)) {
    let b = src.as_bytes();
    let len = b.len();
    let mut start = 0;
    let mut i = 0;
    while i < len {
        let skip_to = match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => Some(memchr(b'\n', b, i).unwrap_or(len)),
            b'/' if b.get(i + 1) == Some(&b'*') => Some(skip_block_comment(b, i)),
            b'"' => Some(skip_string(b, i + 1)),
            b'r' if raw_string_start(b, i) => Some(skip_raw_string(b, i + 1)),
            b'\'' => Some(skip_quote(src, i)).filter(|&end| end > i + 1),
            _ => None,
        };
        match skip_to {
            Some(end) => {
                if start < i {
                    f(start..i);
                }
                i = end.max(i + 1);
                start = i;
            }
            None => i += 1,
        }
    }
    if start < len {
        f(start..len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(src: &str) -> String {
        let mut out = String::new();
        for_each_code_range(src, |r| {
            out.push_str(&src[r]);
            out.push('|');
        });
        out
    }

    #[test]
    fn comments_strings_and_chars_are_left_out() {
        assert_eq!(code("a // spawn\nb"), "a |\nb|");
        assert_eq!(code("a /* x /* spawn */ y */ b"), "a | b|");
        assert_eq!(code(r#"f("spawn", 'x', b"loop")"#), "f(|, |, b|)|");
        assert_eq!(code("r#\"spawn\"# + x"), " + x|");
        assert_eq!(code("fn f<'a>(x: &'a u8) {}"), "fn f<'a>(x: &'a u8) {}|");
        assert_eq!(code("r#loop + br\"x\""), "r#loop + b|");
    }
}
