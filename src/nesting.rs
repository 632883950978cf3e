//! A cheap pre-scan of nesting depth, run before parsing.
//!
//! syn's parser, and every visitor and destructor of the tree it builds,
//! recurses once per nesting level. Code nested deep enough would overflow
//! any thread stack and abort the whole process, so files that nest beyond a
//! limit are refused before they reach the parser.
//!
//! The scan counts `(`, `[` and `{` and skips those inside line and block
//! comments (nested block comments included), string, byte-string and raw
//! string literals, and character literals (telling `'('` from a lifetime
//! `'a`). It does not check that delimiters match: that is the parser's job.
//!
//! It also counts, within each delimiter group, the constructs the parser
//! recurses into without any delimiter ("chains"):
//!
//! * generic arguments and comparisons, `<` (less one per `>`), and return
//!   types `->` (`Option<Option<…>>`, `fn() -> fn() -> …`,
//!   `impl Fn() -> impl Fn() -> …`);
//! * prefix operators in operand position, `! - * & && | ||` (so `!!!!x`,
//!   `- - - x`, `&&&&T`, `*const *const T`, closures `|| || …`), and the
//!   keywords `mut const dyn impl move ref return break static`.
//!
//! A group's chain count ends at `;`, `=>` and after a `}` group; a comma
//! ends the prefix-operator part (outside closure parameters), so tables of
//! `-1, -2, …` and long argument lists are not counted. The depth reported
//! is delimiters plus the open chains: an over-estimate of the parser's
//! recursion, never an under-estimate for the constructs above.

/// The result of scanning one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nesting {
    /// The deepest nesting found (delimiters plus open chains).
    pub max_depth: usize,
    /// Byte offset of the first token that took the nesting beyond the limit.
    pub first_too_deep: Option<usize>,
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Keywords that, like prefix operators, start a construct the parser
/// recurses into (`&mut &mut …`, `*const *const …`, `move || move || …`).
const PREFIX_KEYWORDS: &[&[u8]] = &[
    b"mut", b"const", b"dyn", b"impl", b"move", b"ref", b"return", b"break", b"static",
];

/// Keywords after which an expression or type starts (operand position).
const OPERATOR_KEYWORDS: &[&[u8]] = &[
    b"as", b"fn", b"in", b"if", b"else", b"match", b"let", b"while", b"for", b"loop", b"unsafe",
    b"async", b"await", b"yield", b"box", b"where", b"type", b"pub", b"crate", b"use", b"mod",
];

/// One open delimiter group.
#[derive(Debug, Default, Clone, Copy)]
struct Group {
    /// Open `<` and `->` chains (not ended by commas).
    chain: usize,
    /// Prefix operators and keywords since the last comma.
    prefix: usize,
    /// Inside the parameters of a closure, `|a, b|`, where commas do not end a chain.
    closure_params: bool,
}

/// The scanning state.
struct Scanner {
    groups: Vec<Group>,
    /// Open delimiters.
    depth: usize,
    /// Sum of every group's `chain + prefix`.
    chains: usize,
    /// Whether the previous token ends an operand (so `-`, `&`, `|`, `<` … are binary).
    after_operand: bool,
    max_depth: usize,
    first_too_deep: Option<usize>,
    limit: usize,
}

impl Scanner {
    fn top(&mut self) -> &mut Group {
        self.groups
            .last_mut()
            .expect("the file-level group is never popped")
    }

    fn note(&mut self, at: usize) {
        let level = self.depth + self.chains;
        if level > self.max_depth {
            self.max_depth = level;
        }
        if level > self.limit && self.first_too_deep.is_none() {
            self.first_too_deep = Some(at);
        }
    }

    fn add_chain(&mut self, n: usize, at: usize) {
        self.top().chain += n;
        self.chains += n;
        self.note(at);
    }

    fn add_prefix(&mut self, n: usize, at: usize) {
        self.top().prefix += n;
        self.chains += n;
        self.note(at);
    }

    fn close_angles(&mut self, n: usize) {
        let top = self.top();
        let n = n.min(top.chain);
        top.chain -= n;
        self.chains -= n;
    }

    fn end_prefix(&mut self) {
        let top = self.top();
        let n = std::mem::take(&mut top.prefix);
        self.chains -= n;
    }

    fn end_all(&mut self) {
        let top = self.top();
        let n = std::mem::take(&mut top.chain) + std::mem::take(&mut top.prefix);
        top.closure_params = false;
        self.chains -= n;
    }

    fn open(&mut self, at: usize) {
        self.depth += 1;
        self.groups.push(Group::default());
        self.after_operand = false;
        self.note(at);
    }

    fn close(&mut self, brace: bool) {
        if self.groups.len() > 1 {
            let g = self.groups.pop().expect("checked above");
            self.chains -= g.chain + g.prefix;
        }
        self.depth = self.depth.saturating_sub(1);
        if brace {
            self.end_all();
        }
        self.after_operand = true;
    }
}

/// Scans `src` and reports its deepest nesting, and where the nesting first
/// went beyond `limit`.
pub fn scan(src: &str, limit: usize) -> Nesting {
    let b = src.as_bytes();
    let len = b.len();
    let at = |i: usize| b.get(i).copied();
    let mut s = Scanner {
        groups: vec![Group::default()],
        depth: 0,
        chains: 0,
        after_operand: false,
        max_depth: 0,
        first_too_deep: None,
        limit,
    };
    let mut i = 0;
    while i < len {
        match b[i] {
            b'(' | b'[' | b'{' => {
                s.open(i);
                i += 1;
            }
            b')' | b']' | b'}' => {
                s.close(b[i] == b'}');
                i += 1;
            }
            b'/' if at(i + 1) == Some(b'/') => {
                i = memchr(b'\n', b, i).unwrap_or(len);
            }
            b'/' if at(i + 1) == Some(b'*') => i = skip_block_comment(b, i),
            b'"' => {
                i = skip_string(b, i + 1);
                s.after_operand = true;
            }
            b'r' if raw_string_start(b, i) => {
                i = skip_raw_string(b, i + 1);
                s.after_operand = true;
            }
            b'b' | b'c' if at(i + 1) == Some(b'r') && raw_string_start(b, i + 1) => {
                i = skip_raw_string(b, i + 2);
                s.after_operand = true;
            }
            b'\'' => {
                let next = skip_quote(src, i);
                if next == i + 1 {
                    // A lifetime or label: transparent (`&'a &'a T`).
                    i = next;
                    while i < len && is_ident_byte(b[i]) {
                        i += 1;
                    }
                } else {
                    i = next;
                    s.after_operand = true;
                }
            }
            b';' => {
                s.end_all();
                s.after_operand = false;
                i += 1;
            }
            b',' => {
                if !s.top().closure_params {
                    s.end_prefix();
                }
                s.after_operand = false;
                i += 1;
            }
            b'=' if at(i + 1) == Some(b'>') => {
                s.end_all();
                s.after_operand = false;
                i += 2;
            }
            b'-' if at(i + 1) == Some(b'>') => {
                s.add_chain(1, i);
                s.after_operand = false;
                i += 2;
            }
            b'<' => {
                if matches!(at(i + 1), Some(b'<' | b'=' | b'-')) {
                    // `<<`, `<<=`, `<=`, `<-`: operators.
                    i += 2;
                } else {
                    s.add_chain(1, i);
                    i += 1;
                }
                s.after_operand = false;
            }
            b'>' => {
                if at(i + 1) == Some(b'>') && at(i + 2) != Some(b'=') {
                    s.close_angles(2);
                    s.after_operand = true;
                    i += 2;
                } else if matches!(at(i + 1), Some(b'=' | b'>')) {
                    s.after_operand = false;
                    i += 2;
                } else {
                    s.close_angles(1);
                    s.after_operand = true;
                    i += 1;
                }
            }
            op @ (b'!' | b'-' | b'*' | b'&' | b'|') => {
                let doubled = matches!(op, b'&' | b'|') && at(i + 1) == Some(op);
                let width = if doubled { 2 } else { 1 };
                if at(i + width) == Some(b'=') {
                    // `!=`, `-=`, `*=`, `&=`, `|=`, `&&=`…: binary operators.
                    s.after_operand = false;
                    i += width + 1;
                    continue;
                }
                if op == b'|' && !doubled && s.top().closure_params {
                    // The `|` closing a closure's parameters.
                    s.top().closure_params = false;
                } else if !s.after_operand {
                    s.add_prefix(width, i);
                    if op == b'|' && !doubled {
                        s.top().closure_params = true;
                    }
                }
                s.after_operand = false;
                i += width;
            }
            b'?' => {
                s.after_operand = true;
                i += 1;
            }
            c if c.is_ascii_digit() => {
                while i < len && is_ident_byte(b[i]) {
                    i += 1;
                }
                s.after_operand = true;
            }
            c if is_ident_byte(c) => {
                let start = i;
                while i < len && is_ident_byte(b[i]) {
                    i += 1;
                }
                let word = &b[start..i];
                if PREFIX_KEYWORDS.contains(&word) {
                    s.add_prefix(1, start);
                    s.after_operand = false;
                } else {
                    s.after_operand = !OPERATOR_KEYWORDS.contains(&word);
                }
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                s.after_operand = false;
                i += 1;
            }
        }
    }
    Nesting {
        max_depth: s.max_depth,
        first_too_deep: s.first_too_deep,
    }
}

/// The first `needle` in `b` at or after `from`.
pub(crate) fn memchr(needle: u8, b: &[u8], from: usize) -> Option<usize> {
    memchr::memchr(needle, &b[from..]).map(|p| from + p)
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
        // Delimiters: 2; open chains: the `&` of `x`'s type inside its
        // parentheses, then `-> &` while the body is open.
        assert_eq!(
            depth("fn f<'a>(x: &'a (u8)) -> &'a [u8] { 'l: loop {} }"),
            4
        );
        assert_eq!(depth("f('a', 'b', '(')"), 1);
    }

    #[test]
    fn raw_identifiers_are_not_raw_strings() {
        assert_eq!(depth("let r#type = (1); bar\"(\""), 1);
    }

    #[test]
    fn counts_chains_without_delimiters() {
        assert_eq!(depth("type T = Option<Option<u8>>;"), 2);
        assert_eq!(depth("fn f() { let x = !!!-*&&y; }"), 1 + 7);
        assert_eq!(depth("type T = *const *mut &'a &'a u8;"), 6);
        assert_eq!(depth("let f = || |a, b| move |c| 1;"), 5);
        assert_eq!(depth("type F = fn() -> fn() -> u8;"), 2);
        assert_eq!(depth("type F = fn(a: &u8, b: &u8) -> u8;"), 2);
    }

    #[test]
    fn binary_operators_and_lists_are_not_chains() {
        assert_eq!(depth("let x = a - b - c * d & e | f || g && h != i;"), 0);
        assert_eq!(depth("let t = [-1, -2, -3, !a, &b, *c];"), 2);
        assert_eq!(depth("let x = 1 << 2 >> 3 <= 4 >= 5;"), 0);
        assert_eq!(depth("println!(\"{}\", x); y.z()?;"), 1);
        // Chains end at `;`, `=>` and after a `}` group.
        let many = "fn f(x: &u8) -> &u8 { x }\n".repeat(1000);
        assert_eq!(depth(&many), 3);
        let arms = format!("match x {{ {} }}", "a if a < b => -1,".repeat(1000));
        assert_eq!(depth(&arms), 2);
    }

    #[test]
    fn reports_where_the_limit_is_passed() {
        let n = scan("a((b(c)))", 2);
        assert_eq!(n.max_depth, 3);
        assert_eq!(n.first_too_deep, Some(4));
        assert_eq!(scan("((", 2).first_too_deep, None);
    }
}
