//! A cheap pre-scan of nesting depth, run before parsing.
//!
//! syn's parser, and every visitor and destructor of the tree it builds,
//! recurses once per nesting level. Code nested deep enough would overflow
//! any thread stack and abort the whole process, so files that nest beyond a
//! limit are refused before they reach the parser.
//!
//! The scan reads the file's tokens ([`crate::lexer`]) and counts `(`, `[`
//! and `{`, so those inside comments and literals do not count. It does not
//! check that delimiters match: that is the parser's job.
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

use crate::lexer::{tokens, TokenKind};

/// The result of scanning one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nesting {
    /// The deepest nesting found (delimiters plus open chains).
    pub max_depth: usize,
    /// Byte offset of the first token that took the nesting beyond the limit.
    pub first_too_deep: Option<usize>,
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
    // Operators of several characters are several punctuation tokens: the
    // tokens before this offset were read with the one before them.
    let mut skip_to = 0;
    for token in tokens(src) {
        let i = token.start;
        if i < skip_to {
            continue;
        }
        match token.kind {
            TokenKind::Whitespace
            | TokenKind::LineComment { .. }
            | TokenKind::BlockComment { .. } => {}
            // A lifetime or label is transparent (`&'a &'a T`).
            TokenKind::Lifetime => {}
            TokenKind::Literal(_) | TokenKind::RawIdent => s.after_operand = true,
            TokenKind::Ident => {
                let word = &b[token.range()];
                if PREFIX_KEYWORDS.contains(&word) {
                    s.add_prefix(1, i);
                    s.after_operand = false;
                } else {
                    s.after_operand = !OPERATOR_KEYWORDS.contains(&word);
                }
            }
            TokenKind::Unknown => s.after_operand = false,
            TokenKind::Punct => skip_to = s.punct(b[i], i, |k| at(i + k)),
        }
    }
    Nesting {
        max_depth: s.max_depth,
        first_too_deep: s.first_too_deep,
    }
}

impl Scanner {
    /// Takes note of the punctuation `c` at `i`, with `next(k)` the byte
    /// `k` after it; returns the end of the operator it starts.
    fn punct(&mut self, c: u8, i: usize, next: impl Fn(usize) -> Option<u8>) -> usize {
        match c {
            b'(' | b'[' | b'{' => {
                self.open(i);
                i + 1
            }
            b')' | b']' | b'}' => {
                self.close(c == b'}');
                i + 1
            }
            b';' => {
                self.end_all();
                self.after_operand = false;
                i + 1
            }
            b',' => {
                if !self.top().closure_params {
                    self.end_prefix();
                }
                self.after_operand = false;
                i + 1
            }
            b'=' if next(1) == Some(b'>') => {
                self.end_all();
                self.after_operand = false;
                i + 2
            }
            b'-' if next(1) == Some(b'>') => {
                self.add_chain(1, i);
                self.after_operand = false;
                i + 2
            }
            b'<' => {
                self.after_operand = false;
                if matches!(next(1), Some(b'<' | b'=' | b'-')) {
                    // `<<`, `<<=`, `<=`, `<-`: operators.
                    i + 2
                } else {
                    self.add_chain(1, i);
                    i + 1
                }
            }
            b'>' => {
                if next(1) == Some(b'>') && next(2) != Some(b'=') {
                    self.close_angles(2);
                    self.after_operand = true;
                    i + 2
                } else if matches!(next(1), Some(b'=' | b'>')) {
                    self.after_operand = false;
                    i + 2
                } else {
                    self.close_angles(1);
                    self.after_operand = true;
                    i + 1
                }
            }
            b'!' | b'-' | b'*' | b'&' | b'|' => {
                let doubled = matches!(c, b'&' | b'|') && next(1) == Some(c);
                let width = if doubled { 2 } else { 1 };
                self.prefix_or_binary(c, doubled, width, i, next(width))
            }
            b'?' => {
                self.after_operand = true;
                i + 1
            }
            _ => {
                self.after_operand = false;
                i + 1
            }
        }
    }

    /// `!`, `-`, `*`, `&`, `|` (or `&&`, `||` when `doubled`) at `i`, of
    /// `width` bytes, followed by `after`: a binary operator, a prefix
    /// operator or a closure's bars. Returns the end of the operator.
    fn prefix_or_binary(
        &mut self,
        op: u8,
        doubled: bool,
        width: usize,
        i: usize,
        after: Option<u8>,
    ) -> usize {
        if after == Some(b'=') {
            // `!=`, `-=`, `*=`, `&=`, `|=`, `&&=`…: binary operators.
            self.after_operand = false;
            return i + width + 1;
        }
        if op == b'|' && !doubled && self.top().closure_params {
            // The `|` closing a closure's parameters.
            self.top().closure_params = false;
        } else if !self.after_operand {
            self.add_prefix(width, i);
            if op == b'|' && !doubled {
                self.top().closure_params = true;
            }
        }
        self.after_operand = false;
        i + width
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
