//! The driver's one lexer of Rust source text: token kinds and byte ranges.
//!
//! Four parts of the driver read the text before (or instead of) the parser:
//! the pre-filter ([`crate::prefilter`], [`crate::code`]), the nesting
//! pre-scan ([`crate::nesting`]), the doc-comment blanking before parsing
//! ([`crate::code::without_line_doc_comments`]) and the suppression comments
//! ([`crate::suppress`]). They all see the text through this module, so they
//! agree on what is a comment, a literal, a lifetime or code.
//!
//! Two ways in:
//!
//! * [`tokens`] / [`tokens_from`]: every token, whitespace and comments
//!   included, in order (the nesting pre-scan, the pre-filter's look at what
//!   follows a word);
//! * [`for_each_comment_and_literal`]: only the comments and the string and
//!   character literals, found by jumping from one `/`, `"` or `'` to the
//!   next. This is the pre-filter's path over the files it skips, a few times
//!   faster than lexing every token; it yields exactly the tokens [`tokens`]
//!   yields of those kinds (a unit test checks it on this crate's sources).
//!
//! The lexer is lenient, like rustc's: it never fails. An unterminated
//! literal or block comment runs to the end of the text and says so
//! ([`Token::terminated`]); a character that cannot start a token is
//! [`TokenKind::Unknown`]. Identifiers are told apart loosely: any non-ASCII
//! character that is not whitespace counts as an identifier character.

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of whitespace (Rust's `Pattern_White_Space`, non-ASCII included).
    Whitespace,
    /// `// …` up to (not including) the line break.
    LineComment {
        /// `///` (not `////`) or `//!`.
        doc: Option<DocStyle>,
    },
    /// `/* … */`, nested ones included.
    BlockComment {
        /// `/**` (not `/***` nor `/**/`) or `/*!`.
        doc: Option<DocStyle>,
    },
    /// An identifier or a keyword (`spawn`, `loop`, `_`).
    Ident,
    /// A raw identifier, `r#type`.
    RawIdent,
    /// A lifetime or a label, `'a`, `'static`, `'outer`.
    Lifetime,
    /// A literal.
    Literal(LiteralKind),
    /// One punctuation character: `(`, `:`, `-`… Operators of several
    /// characters (`::`, `->`) are several tokens, next to each other.
    Punct,
    /// A character that starts no token (an ASCII control character).
    Unknown,
}

/// Which kind of doc comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocStyle {
    /// `///`, `/**`: documents the item that follows.
    Outer,
    /// `//!`, `/*!`: documents the enclosing item.
    Inner,
}

/// Which kind of literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiteralKind {
    /// `"…"`
    Str,
    /// `b"…"`
    ByteStr,
    /// `c"…"`
    CStr,
    /// `r"…"`, `r#"…"#`
    RawStr,
    /// `br"…"`, `br#"…"#`
    RawByteStr,
    /// `cr"…"`, `cr#"…"#`
    RawCStr,
    /// `'x'`
    Char,
    /// `b'x'`
    Byte,
    /// `42`, `0x2A_u8`, `1.5e-3`
    Number,
}

impl LiteralKind {
    /// A string literal that is not raw (`"…"`, `b"…"`, `c"…"`).
    pub fn is_string(self) -> bool {
        matches!(
            self,
            LiteralKind::Str | LiteralKind::ByteStr | LiteralKind::CStr
        )
    }

    /// A raw string literal (`r"…"`, `br#"…"#`, `cr"…"`).
    pub fn is_raw_string(self) -> bool {
        matches!(
            self,
            LiteralKind::RawStr | LiteralKind::RawByteStr | LiteralKind::RawCStr
        )
    }
}

/// One token: its kind and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset just after its last byte.
    pub end: usize,
    /// Whether a literal or block comment is closed before the end of the
    /// text (always true for other tokens).
    pub terminated: bool,
}

impl Token {
    /// Its byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether it is a comment, of any kind.
    pub fn is_comment(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::LineComment { .. } | TokenKind::BlockComment { .. }
        )
    }

    /// Whether it is whitespace or a comment (nothing the parser sees,
    /// doc comments aside).
    pub fn is_trivia(&self) -> bool {
        self.kind == TokenKind::Whitespace || self.is_comment()
    }

    /// Whether it is the punctuation character `c`.
    pub fn is_punct(&self, src: &str, c: u8) -> bool {
        self.kind == TokenKind::Punct && src.as_bytes()[self.start] == c
    }

    /// Whether it is the identifier or keyword `name` (a raw identifier
    /// `r#name` is `name` too).
    pub fn is_ident(&self, src: &str, name: &str) -> bool {
        self.ident_name(src) == Some(name)
    }

    /// The name of an identifier, keyword or raw identifier (without `r#`).
    pub fn ident_name<'a>(&self, src: &'a str) -> Option<&'a str> {
        match self.kind {
            TokenKind::Ident => Some(&src[self.range()]),
            TokenKind::RawIdent => Some(&src[self.start + 2..self.end]),
            _ => None,
        }
    }
}

/// Whether `b` is an ASCII identifier character, `[A-Za-z0-9_]`.
pub fn is_ascii_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `c` can be part of an identifier, loosely: ASCII letters, digits
/// and `_`, and every non-ASCII character that is not whitespace.
pub fn is_ident_char(c: char) -> bool {
    if c.is_ascii() {
        is_ascii_ident_byte(c as u8)
    } else {
        !is_whitespace_char(c)
    }
}

/// Rust's whitespace (`Pattern_White_Space`).
pub fn is_whitespace_char(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\u{0b}'
            | '\u{0c}'
            | '\r'
            | '\u{85}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Every token of `src`, in order.
pub fn tokens(src: &str) -> Tokens<'_> {
    tokens_from(src, 0)
}

/// Every token of `src` from byte `at`, which must be where a token starts
/// (or where the caller wants lexing to start, as if the text began there).
pub fn tokens_from(src: &str, at: usize) -> Tokens<'_> {
    Tokens { src, at }
}

/// The iterator of [`tokens`].
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    src: &'a str,
    at: usize,
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    #[inline]
    fn next(&mut self) -> Option<Token> {
        if self.at >= self.src.len() {
            return None;
        }
        let token = token_at(self.src, self.at);
        self.at = token.end;
        Some(token)
    }
}

impl Tokens<'_> {
    /// The next token that is not whitespace or a comment.
    pub fn next_non_trivia(&mut self) -> Option<Token> {
        self.find(|t| !t.is_trivia())
    }

    /// After an opening delimiter (`(`, `[`, `{`) was read: reads up to
    /// the delimiter that closes it and returns that one (`None` at the
    /// end of the text). Delimiters inside strings and comments are single
    /// tokens and do not count.
    pub fn skip_group(&mut self) -> Option<Token> {
        let src = self.src;
        let mut depth = 1usize;
        for t in self.by_ref() {
            if t.kind != TokenKind::Punct {
                continue;
            }
            match src.as_bytes()[t.start] {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(t);
                    }
                }
                _ => {}
            }
        }
        None
    }
}

/// Calls `f` with every comment and every string, byte-string, character and
/// byte literal of `src`, in order: the same tokens as [`tokens`] gives of
/// those kinds, without lexing the code between them.
///
/// Everything between two such tokens is code, in which `/`, `"` and `'`
/// can only start a comment, a literal, a lifetime or an operator: so the
/// scan jumps from one of those bytes to the next, and looks back from a
/// quote for a prefix (`b`, `c`, `r#…`) that starts the literal.
pub fn for_each_comment_and_literal(src: &str, mut f: impl FnMut(Token)) {
    let b = src.as_bytes();
    let mut i = 0;
    // The end of the last token lexed: a literal's prefix cannot start before it.
    let mut floor = 0;
    while let Some(found) = memchr::memchr3(b'/', b'"', b'\'', &b[i..]) {
        i += found;
        match b[i] {
            b'/' if !matches!(b.get(i + 1), Some(b'/' | b'*')) => i += 1,
            _ => {
                let start = if b[i] == b'/' {
                    i
                } else {
                    literal_start(src, i, floor)
                };
                let token = token_at(src, start);
                if token.kind != TokenKind::Lifetime {
                    f(token);
                }
                i = token.end;
                floor = i;
            }
        }
        if i >= b.len() {
            break;
        }
    }
}

/// Where the literal whose quote is at `quote` starts: at a prefix before
/// it (`b'`, `b"`, `c"`, `r#"`, `br"`, `cr#"`) that starts a token, or at
/// the quote. A prefix does not start before `floor`, the end of the
/// token before.
fn literal_start(src: &str, quote: usize, floor: usize) -> usize {
    let b = src.as_bytes();
    let starts_token =
        |p: usize| p >= floor && !src[..p].chars().next_back().is_some_and(is_ident_char);
    let mut p = quote;
    if b[quote] == b'"' {
        while p > 0 && b[p - 1] == b'#' {
            p -= 1;
        }
        if p > 0 && b[p - 1] == b'r' {
            let r = p - 1;
            if r > 0 && matches!(b[r - 1], b'b' | b'c') && starts_token(r - 1) {
                return r - 1;
            }
            if starts_token(r) {
                return r;
            }
        }
        if p != quote {
            // Hashes not after a raw string's `r`: the string starts at the quote.
            return quote;
        }
    }
    let prefixes: &[u8] = if b[quote] == b'"' { b"bc" } else { b"b" };
    match quote.checked_sub(1) {
        Some(p) if prefixes.contains(&b[p]) && starts_token(p) => p,
        _ => quote,
    }
}

/// The token that starts at byte `start` of `src` (which must be on a
/// character boundary, before the end).
#[inline]
pub fn token_at(src: &str, start: usize) -> Token {
    let b = src.as_bytes();
    let next = b.get(start + 1).copied();
    let token = |kind: TokenKind, end: usize| Token {
        kind,
        start,
        end,
        terminated: true,
    };
    match b[start] {
        b'/' if next == Some(b'/') => {
            let end = memchr::memchr(b'\n', &b[start..]).map_or(b.len(), |p| start + p);
            let text = &b[start..end];
            let doc = if text.starts_with(b"//!") {
                Some(DocStyle::Inner)
            } else if text.starts_with(b"///") && !text.starts_with(b"////") {
                Some(DocStyle::Outer)
            } else {
                None
            };
            token(TokenKind::LineComment { doc }, end)
        }
        b'/' if next == Some(b'*') => {
            let (end, terminated) = block_comment_end(b, start);
            let text = &b[start..end];
            let doc = if text.starts_with(b"/*!") {
                Some(DocStyle::Inner)
            } else if text.starts_with(b"/**")
                && !text.starts_with(b"/***")
                && !text.starts_with(b"/**/")
            {
                Some(DocStyle::Outer)
            } else {
                None
            };
            Token {
                terminated,
                ..token(TokenKind::BlockComment { doc }, end)
            }
        }
        b'"' => string(b, start, start + 1, LiteralKind::Str),
        b'\'' => quote(src, start, start),
        b'b' | b'c' | b'r' => prefixed(src, start),
        c if c.is_ascii_digit() => token(
            TokenKind::Literal(LiteralKind::Number),
            number_end(b, start),
        ),
        c if is_ascii_ident_byte(c) => token(TokenKind::Ident, ident_end(src, start)),
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => {
            token(TokenKind::Whitespace, whitespace_end(src, start))
        }
        0..=0x08 | 0x0e..=0x1f | 0x7f => token(TokenKind::Unknown, start + 1),
        c if c.is_ascii() => token(TokenKind::Punct, start + 1),
        _ => {
            let c = src[start..].chars().next().expect("not at the end");
            if is_whitespace_char(c) {
                token(TokenKind::Whitespace, whitespace_end(src, start))
            } else {
                token(TokenKind::Ident, ident_end(src, start))
            }
        }
    }
}

/// A token starting with `b`, `c` or `r`: a prefixed literal, a raw
/// identifier or an identifier.
fn prefixed(src: &str, start: usize) -> Token {
    let b = src.as_bytes();
    let at = |i: usize| b.get(i).copied();
    let raw_kind = match b[start] {
        b'b' => LiteralKind::RawByteStr,
        b'c' => LiteralKind::RawCStr,
        _ => LiteralKind::RawStr,
    };
    match (b[start], at(start + 1)) {
        (b'b', Some(b'\'')) => return quote(src, start, start + 1),
        (b'b', Some(b'"')) => return string(b, start, start + 2, LiteralKind::ByteStr),
        (b'c', Some(b'"')) => return string(b, start, start + 2, LiteralKind::CStr),
        (b'b' | b'c', Some(b'r')) if raw_string_follows(b, start + 2) => {
            return raw_string(b, start, start + 2, raw_kind)
        }
        (b'r', _) if raw_string_follows(b, start + 1) => {
            return raw_string(b, start, start + 1, raw_kind)
        }
        (b'r', Some(b'#'))
            if src[start + 2..]
                .chars()
                .next()
                .is_some_and(|c| is_ident_char(c) && !c.is_ascii_digit()) =>
        {
            return Token {
                kind: TokenKind::RawIdent,
                start,
                end: ident_end(src, start + 2),
                terminated: true,
            }
        }
        _ => {}
    }
    Token {
        kind: TokenKind::Ident,
        start,
        end: ident_end(src, start),
        terminated: true,
    }
}

/// Whether `#`s and a `"` follow at `at` (after a raw string's `r`).
fn raw_string_follows(b: &[u8], mut at: usize) -> bool {
    while b.get(at) == Some(&b'#') {
        at += 1;
    }
    b.get(at) == Some(&b'"')
}

/// The end of the identifier characters from `at`.
fn ident_end(src: &str, at: usize) -> usize {
    let b = src.as_bytes();
    let mut i = at;
    while i < b.len() {
        if is_ascii_ident_byte(b[i]) {
            i += 1;
        } else if b[i] >= 0x80 {
            let c = src[i..].chars().next().expect("on a character boundary");
            if is_whitespace_char(c) {
                break;
            }
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// The end of the whitespace from `at`.
fn whitespace_end(src: &str, at: usize) -> usize {
    let b = src.as_bytes();
    let mut i = at;
    while i < b.len() {
        if matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            i += 1;
        } else if b[i] >= 0x80 {
            let c = src[i..].chars().next().expect("on a character boundary");
            if !is_whitespace_char(c) {
                break;
            }
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// The end of the number literal from `at` (a digit): digits, letters and
/// `_` (`0x2A`, `1u8`), a fraction `.5` and an exponent sign `1e-3`.
fn number_end(b: &[u8], at: usize) -> usize {
    let mut i = at;
    let hex = b[at..].starts_with(b"0x") || b[at..].starts_with(b"0X");
    loop {
        while i < b.len() && is_ascii_ident_byte(b[i]) {
            i += 1;
        }
        let after = |k: usize| b.get(i + k).copied();
        let digit_at = |k: usize| after(k).is_some_and(|c| c.is_ascii_digit());
        // `1e-3`, `1E+3`: the sign belongs to the exponent.
        let exponent_sign =
            !hex && matches!(b[i - 1], b'e' | b'E') && matches!(after(0), Some(b'+' | b'-'));
        // `1.5`, but not a range `1..2` nor a second dot.
        let fraction = after(0) == Some(b'.') && !b[at..i].contains(&b'.');
        if (exponent_sign || fraction) && digit_at(1) {
            i += 1;
        } else {
            return i;
        }
    }
}

/// `start` is a block comment's `/*`: where it ends, and whether it is closed.
fn block_comment_end(b: &[u8], start: usize) -> (usize, bool) {
    let mut level = 0usize;
    let mut i = start;
    while let Some(found) = memchr::memchr2(b'/', b'*', &b[i..]) {
        i += found;
        if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            level += 1;
            i += 2;
        } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
            level -= 1;
            i += 2;
            if level == 0 {
                return (i, true);
            }
        } else {
            i += 1;
        }
    }
    (b.len(), false)
}

/// A string literal starting at `start` whose contents start at `from`.
fn string(b: &[u8], start: usize, from: usize, kind: LiteralKind) -> Token {
    let mut i = from;
    let (end, terminated) = loop {
        match memchr::memchr2(b'\\', b'"', &b[i.min(b.len())..]) {
            Some(p) if b[i + p] == b'\\' => i += p + 2,
            Some(p) => break (i + p + 1, true),
            None => break (b.len(), false),
        }
    };
    Token {
        kind: TokenKind::Literal(kind),
        start,
        end,
        terminated,
    }
}

/// A raw string literal starting at `start` whose `#`s start at `hashes_at`.
fn raw_string(b: &[u8], start: usize, hashes_at: usize, kind: LiteralKind) -> Token {
    let hashes = b[hashes_at..].iter().take_while(|&&c| c == b'#').count();
    let mut i = hashes_at + hashes + 1;
    let (end, terminated) = loop {
        match memchr::memchr(b'"', &b[i.min(b.len())..]) {
            Some(p) => {
                let quote = i + p;
                let closing = b[quote + 1..]
                    .iter()
                    .take(hashes)
                    .take_while(|&&c| c == b'#')
                    .count();
                if closing == hashes {
                    break (quote + 1 + hashes, true);
                }
                i = quote + 1;
            }
            None => break (b.len(), false),
        }
    };
    Token {
        kind: TokenKind::Literal(kind),
        start,
        end,
        terminated,
    }
}

/// The token starting at `start` whose `'` is at `quote`: a character or
/// byte literal, or (without a prefix) a lifetime or label.
fn quote(src: &str, start: usize, quote: usize) -> Token {
    let b = src.as_bytes();
    let kind = if start == quote {
        LiteralKind::Char
    } else {
        LiteralKind::Byte
    };
    let literal = |end: usize, terminated: bool| Token {
        kind: TokenKind::Literal(kind),
        start,
        end,
        terminated,
    };
    match b.get(quote + 1) {
        Some(b'\\') => {
            // An escape: `'\n'`, `'\''`, `'\u{1F600}'`. Skip the escaped
            // character, then up to the closing quote.
            let from = (quote + 3).min(b.len());
            match memchr::memchr(b'\'', &b[from..]) {
                Some(p) => literal(from + p + 1, true),
                None => literal(b.len(), false),
            }
        }
        Some(_) => {
            let c = src[quote + 1..].chars().next().map_or(1, char::len_utf8);
            if b.get(quote + 1 + c) == Some(&b'\'') {
                literal(quote + 2 + c, true)
            } else if start == quote {
                Token {
                    kind: TokenKind::Lifetime,
                    start,
                    end: ident_end(src, quote + 1),
                    terminated: true,
                }
            } else {
                // `b'` without a closing quote: the byte literal is not closed.
                literal(quote + 1, false)
            }
        }
        None => literal(b.len(), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(TokenKind, &str)> {
        tokens(src)
            .filter(|t| t.kind != TokenKind::Whitespace)
            .map(|t| (t.kind, &src[t.range()]))
            .collect()
    }

    use LiteralKind as L;
    use TokenKind as K;

    #[test]
    fn identifiers_keywords_and_raw_identifiers() {
        assert_eq!(
            kinds("r#type rx br b c é_x _"),
            [
                (K::RawIdent, "r#type"),
                (K::Ident, "rx"),
                (K::Ident, "br"),
                (K::Ident, "b"),
                (K::Ident, "c"),
                (K::Ident, "é_x"),
                (K::Ident, "_"),
            ]
        );
        let t = tokens("r#loop").next().unwrap();
        assert!(t.is_ident("r#loop", "loop"));
    }

    #[test]
    fn literals_of_every_kind() {
        let src =
            r####""a\"b" b"x" c"y" r"z" r#"q"# br##"w"## cr"v" 'x' '\'' b'\\' 1.5e-3 0x1E-2"####;
        assert_eq!(
            kinds(src),
            [
                (K::Literal(L::Str), r#""a\"b""#),
                (K::Literal(L::ByteStr), r#"b"x""#),
                (K::Literal(L::CStr), r#"c"y""#),
                (K::Literal(L::RawStr), r#"r"z""#),
                (K::Literal(L::RawStr), r###"r#"q"#"###),
                (K::Literal(L::RawByteStr), r###"br##"w"##"###),
                (K::Literal(L::RawCStr), r#"cr"v""#),
                (K::Literal(L::Char), "'x'"),
                (K::Literal(L::Char), r"'\''"),
                (K::Literal(L::Byte), r"b'\\'"),
                (K::Literal(L::Number), "1.5e-3"),
                (K::Literal(L::Number), "0x1E"),
                (K::Punct, "-"),
                (K::Literal(L::Number), "2"),
            ]
        );
    }

    #[test]
    fn lifetimes_are_not_character_literals() {
        assert_eq!(
            kinds("fn f<'a>(x: &'a str, c: char) { 'l: loop { c == '(' } }")
                .into_iter()
                .filter(|(k, _)| matches!(k, K::Lifetime | K::Literal(_)))
                .collect::<Vec<_>>(),
            [
                (K::Lifetime, "'a"),
                (K::Lifetime, "'a"),
                (K::Lifetime, "'l"),
                (K::Literal(L::Char), "'('"),
            ]
        );
    }

    #[test]
    fn comments_nest_and_know_their_doc_style() {
        assert_eq!(
            kinds("/// a\n//// b\n//! c\n// d\n/* x /* y */ z */ /** e */ /*! f */ /**/ /*** g */"),
            [
                (
                    K::LineComment {
                        doc: Some(DocStyle::Outer)
                    },
                    "/// a"
                ),
                (K::LineComment { doc: None }, "//// b"),
                (
                    K::LineComment {
                        doc: Some(DocStyle::Inner)
                    },
                    "//! c"
                ),
                (K::LineComment { doc: None }, "// d"),
                (K::BlockComment { doc: None }, "/* x /* y */ z */"),
                (
                    K::BlockComment {
                        doc: Some(DocStyle::Outer)
                    },
                    "/** e */"
                ),
                (
                    K::BlockComment {
                        doc: Some(DocStyle::Inner)
                    },
                    "/*! f */"
                ),
                (K::BlockComment { doc: None }, "/**/"),
                (K::BlockComment { doc: None }, "/*** g */"),
            ]
        );
    }

    #[test]
    fn unterminated_tokens_run_to_the_end_and_say_so() {
        for src in ["\"abc\\\"", "r#\"x\"", "/* a /* b */", "b\"x", "'\\"] {
            let last = tokens(src).last().unwrap();
            assert_eq!(
                (last.start, last.end, last.terminated),
                (0, src.len(), false),
                "{src}"
            );
        }
        assert!(tokens("\"a\" /* b */ r#\"c\"#").all(|t| t.terminated));
    }

    #[test]
    fn whitespace_includes_unicode_line_breaks() {
        assert_eq!(
            kinds("a\u{2028}b\u{85}c"),
            [(K::Ident, "a"), (K::Ident, "b"), (K::Ident, "c")]
        );
        assert_eq!(kinds("\0"), [(K::Unknown, "\0")]);
    }

    /// The fast path gives the same comments and literals as lexing every token.
    fn same_as_full_lexing(src: &str) {
        let mut fast = Vec::new();
        for_each_comment_and_literal(src, |t| fast.push(t));
        let full: Vec<Token> = tokens(src)
            .filter(|t| t.is_comment() || matches!(t.kind, K::Literal(k) if k != L::Number))
            .collect();
        assert_eq!(fast, full, "{src}");
    }

    #[test]
    fn the_fast_path_agrees_with_full_lexing() {
        for src in [
            r####"f("((((\"((", r#"(("#, br"((", cr##"("#(("##, b'[', '\u{28}')"####,
            "bar\"(\" xbr\"a\" r#loop + br\"x\" b'x' c\"y\" é\"s\" \u{2028}b\"t\"",
            "fn f<'a>(x: &'a u8) -> &'a [u8] { 'l: loop {} } 'x' a/b /= c",
            "// x \"\n/* ' /* \" */ */ x /// y\n \"unterminated",
            "x r#\"y\"",
            "'",
            "b'",
        ] {
            same_as_full_lexing(src);
        }
    }

    #[test]
    fn the_fast_path_agrees_with_full_lexing_on_real_code() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = 0;
        for dir in ["src", "lints/src/rules", "lints/src/context", "tests"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for entry in entries.flatten() {
                if let Ok(src) = std::fs::read_to_string(entry.path()) {
                    same_as_full_lexing(&src);
                    files += 1;
                }
            }
        }
        assert!(files > 20, "only {files} files read");
    }
}
