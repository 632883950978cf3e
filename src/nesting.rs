//! A cheap pre-scan of delimiter depth, run before parsing.
//!
//! syn's parser, and every visitor and destructor of the tree it builds,
//! recurses once per nested delimiter. Code nested deep enough would overflow
//! any thread stack and abort the whole process, so files whose delimiters
//! nest beyond a limit are refused before they reach the parser.
//!
//! The scan counts `(`, `[` and `{` and skips those inside line and block
//! comments (nested block comments included), string, byte-string and raw
//! string literals, and character literals (telling `'('` from a lifetime
//! `'a`). It does not check that delimiters match: that is the parser's job.
//!
//! Known limit: other constructs the parser handles recursively without
//! delimiters (a long run of prefix operators `!!!!x`, an `else if` chain
//! tens of thousands long) are not counted.

/// The result of scanning one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nesting {
    /// The deepest delimiter nesting found.
    pub max_depth: usize,
    /// Byte offset of the first opening delimiter that went beyond the limit.
    pub first_too_deep: Option<usize>,
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Scans `src` and reports its deepest delimiter nesting, and where the
/// nesting first went beyond `limit`.
pub fn scan(src: &str, limit: usize) -> Nesting {
    let b = src.as_bytes();
    let len = b.len();
    let mut i = 0;
    let mut depth = 0usize;
    let mut max_depth = 0usize;
    let mut first_too_deep = None;
    while i < len {
        match b[i] {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > max_depth {
                    max_depth = depth;
                }
                if depth > limit && first_too_deep.is_none() {
                    first_too_deep = Some(i);
                }
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = memchr(b'\n', b, i).unwrap_or(len);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => i = skip_block_comment(b, i),
            b'"' => i = skip_string(b, i + 1),
            b'r' if raw_string_start(b, i) => i = skip_raw_string(b, i + 1),
            b'\'' => i = skip_quote(src, i),
            _ => i += 1,
        }
    }
    Nesting {
        max_depth,
        first_too_deep,
    }
}

pub(crate) fn memchr(needle: u8, b: &[u8], from: usize) -> Option<usize> {
    b[from..]
        .iter()
        .position(|&c| c == needle)
        .map(|p| from + p)
}

/// `i` is at `/*`; returns the offset after the matching `*/`.
pub(crate) fn skip_block_comment(b: &[u8], mut i: usize) -> usize {
    let mut level = 0usize;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            level += 1;
            i += 2;
        } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
            level -= 1;
            i += 2;
            if level == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    i
}

/// `i` is just after an opening `"`; returns the offset after the closing one.
pub(crate) fn skip_string(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// Whether the `r` at `i` starts a raw string (`r"`, `r#"`, `br"`, `cr#"`),
/// rather than being part of an identifier or a raw identifier `r#name`.
pub(crate) fn raw_string_start(b: &[u8], i: usize) -> bool {
    let prefix_ok = match i.checked_sub(1).map(|p| b[p]) {
        None => true,
        Some(b'b' | b'c') => i < 2 || !is_ident_byte(b[i - 2]),
        Some(p) => !is_ident_byte(p),
    };
    if !prefix_ok {
        return false;
    }
    let mut j = i + 1;
    while j < b.len() && b[j] == b'#' {
        j += 1;
    }
    b.get(j) == Some(&b'"')
}

/// `i` is just after the `r` of a raw string; returns the offset after it.
pub(crate) fn skip_raw_string(b: &[u8], mut i: usize) -> usize {
    let mut hashes = 0;
    while b[i] == b'#' {
        hashes += 1;
        i += 1;
    }
    i += 1; // the opening quote
    while i < b.len() {
        if b[i] == b'"'
            && b[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == b'#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        i += 1;
    }
    b.len()
}

/// `i` is at a `'`: skips a character literal, or just the quote of a
/// lifetime or label.
pub(crate) fn skip_quote(src: &str, i: usize) -> usize {
    let b = src.as_bytes();
    match b.get(i + 1) {
        Some(b'\\') => {
            // An escape: `'\n'`, `'\''`, `'\u{1F600}'`. Skip the escaped
            // character, then up to the closing quote.
            let from = (i + 3).min(b.len());
            memchr(b'\'', b, from).map_or(b.len(), |q| q + 1)
        }
        Some(_) => {
            let c = src[i + 1..].chars().next().map_or(1, char::len_utf8);
            if b.get(i + 1 + c) == Some(&b'\'') {
                i + 2 + c
            } else {
                i + 1
            }
        }
        None => i + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(src: &str) -> usize {
        scan(src, usize::MAX).max_depth
    }

    #[test]
    fn counts_all_delimiters() {
        assert_eq!(depth("fn f() { g([1, (2)]); }"), 4);
        assert_eq!(depth(""), 0);
    }

    #[test]
    fn skips_comments_and_literals() {
        assert_eq!(depth("// ((((\n/* ((( /* (( */ ((( */ x"), 0);
        assert_eq!(depth(r#"f("((((\"((")"#), 1);
        assert_eq!(depth(r####"f(r#"(("#, br"((", cr##"("#(("##)"####), 1);
        assert_eq!(depth("f('(', '\\'', b'[', '\\u{28}')"), 1);
    }

    #[test]
    fn lifetimes_are_not_char_literals() {
        assert_eq!(
            depth("fn f<'a>(x: &'a (u8)) -> &'a [u8] { 'l: loop {} }"),
            2
        );
    }

    #[test]
    fn raw_identifiers_are_not_raw_strings() {
        assert_eq!(depth("let r#type = (1); bar\"(\""), 1);
    }

    #[test]
    fn reports_where_the_limit_is_passed() {
        let n = scan("a((b(c)))", 2);
        assert_eq!(n.max_depth, 3);
        assert_eq!(n.first_too_deep, Some(4));
        assert_eq!(scan("((", 2).first_too_deep, None);
    }
}
