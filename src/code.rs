//! The code of a file without its comments and literals, for the pre-filter.
//!
//! Rules look at code only, so a word in a comment, a doc comment or a string
//! literal cannot make a rule fire. Comments and literals are the lexer's
//! ([`crate::lexer::for_each_comment_and_literal`]).

use std::borrow::Cow;
use std::ops::Range;

use crate::lexer::{for_each_comment_and_literal, DocStyle, Token, TokenKind};

/// Calls `f` with every byte range of `src` that is code: everything but
/// comments, string and byte-string literals and character literals. Ranges
/// are in order and do not touch each other's tokens: a boundary between two
/// ranges is never inside an identifier.
pub fn for_each_code_range(src: &str, mut f: impl FnMut(Range<usize>)) {
    let mut start = 0;
    for_each_comment_and_literal(src, |skipped| {
        if start < skipped.start {
            f(start..skipped.start);
        }
        start = skipped.end;
    });
    if start < src.len() {
        f(start..src.len());
    }
}

/// The text of the inner attributes (`#![…]`) that open `src`, from the
/// first `#` to the last `]` (`None` when it opens with none): where a file
/// says it is test code (`#![cfg(test)]`), read without parsing the file,
/// since the pre-filter may leave it unparsed.
pub fn leading_inner_attributes(src: &str) -> Option<&str> {
    let mut tokens = crate::lexer::tokens(src);
    let mut first = None;
    let mut end = 0;
    loop {
        let mut ahead = tokens.clone();
        let Some(hash) = ahead.next_non_trivia().filter(|t| t.is_punct(src, b'#')) else {
            break;
        };
        let bang = ahead.next_non_trivia();
        let open = ahead.next_non_trivia();
        // `#!/usr/bin/env …` is a shebang line, not an attribute.
        if !(bang.is_some_and(|t| t.is_punct(src, b'!'))
            && open.is_some_and(|t| t.is_punct(src, b'[')))
        {
            break;
        }
        end = ahead.skip_group()?.end;
        first.get_or_insert(hash.start);
        tokens = ahead;
    }
    first.map(|start| &src[start..end])
}

/// `src` with its line doc comments (`/// …`, `//! …`) turned into spaces,
/// for the parser; borrowed when it has none.
///
/// syn turns every doc comment into a `#[doc = "…"]` attribute (a string
/// literal, its escaped copy, an attribute node), which no rule reads:
/// about a tenth of parsing time on documented code. A line comment runs to
/// its line break, so every token keeps its line, column and byte offset.
///
/// A doc comment that documents nothing is kept, so that the parser still
/// reports the file: a `///` followed by a closing delimiter or the end of
/// the file, a `//!` after a token other than `{` or `]` (the end of an
/// inner attribute).
pub fn without_line_doc_comments(src: &str) -> Cow<'_, str> {
    let b = src.as_bytes();
    let mut docs = DocComments::default();
    let mut code_from = 0;
    for_each_comment_and_literal(src, |token| {
        docs.code(&b[code_from..token.start]);
        code_from = token.end;
        match token.kind {
            TokenKind::LineComment {
                doc: Some(DocStyle::Inner),
            } => {
                if matches!(docs.previous, None | Some(b'{' | b']')) {
                    docs.blank.push(token.range());
                }
            }
            TokenKind::LineComment {
                doc: Some(DocStyle::Outer),
            } => docs.pending.push(token.range()),
            _ if token.is_comment() => {}
            // A literal is a token.
            _ => docs.code(&b[token.range()]),
        }
    });
    docs.code(&b[code_from..]);
    if docs.blank.is_empty() {
        return Cow::Borrowed(src);
    }
    let mut out = b.to_vec();
    for r in docs.blank {
        out[r].fill(b' ');
    }
    // Only whole comments, each made of complete UTF-8 sequences, became
    // ASCII spaces.
    Cow::Owned(String::from_utf8(out).expect("spaces replaced whole comments"))
}

/// The doc comments [`without_line_doc_comments`] has seen so far.
#[derive(Default)]
struct DocComments {
    /// Those to turn into spaces.
    blank: Vec<Range<usize>>,
    /// `///` comments waiting for the token they document.
    pending: Vec<Range<usize>>,
    /// The last byte of the last token seen.
    previous: Option<u8>,
}

impl DocComments {
    /// Takes note of code (or a literal) between comments.
    fn code(&mut self, code: &[u8]) {
        let trimmed = code.trim_ascii();
        if let (Some(&first), Some(&last)) = (trimmed.first(), trimmed.last()) {
            if matches!(first, b'}' | b')' | b']') {
                self.pending.clear();
            } else {
                self.blank.append(&mut self.pending);
            }
            self.previous = Some(last);
        }
    }
}

/// The bytes [`scan_code`] looks at in code: delimiters and the ASCII
/// control characters that are not whitespace.
const LEXICAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = matches!(c as u8, b'(' | b'[' | b'{' | b')' | b']' | b'}' | 0..=0x08 | 0x0e..=0x1f | 0x7f);
        c += 1;
    }
    table
};

/// Where `src` stops being a sequence of Rust tokens, if it does, and why: a
/// closing delimiter that does not match the open one, a delimiter left
/// open, a string, raw string or block comment left unterminated, or an
/// ASCII control character outside comments and literals. This is the lexical part of parsing at a fraction of its
/// cost, for files the pre-filter does not parse.
pub fn token_error(src: &str) -> Option<(usize, &'static str)> {
    scan_code(src, |_| {})
}

/// [`for_each_code_range`] and [`token_error`] in one pass over `src`: calls
/// `f` with every code range and returns the first token error.
pub fn scan_code(src: &str, mut f: impl FnMut(Range<usize>)) -> Option<(usize, &'static str)> {
    let b = src.as_bytes();
    let mut open: Vec<(u8, usize)> = Vec::new();
    let mut error = None;
    let mut code_from = 0;
    let mut code = |range: Range<usize>, error: &mut Option<(usize, &'static str)>| {
        f(range.clone());
        if error.is_none() {
            *error = delimiter_error(b, range, &mut open);
        }
    };
    for_each_comment_and_literal(src, |token| {
        if code_from < token.start {
            code(code_from..token.start, &mut error);
        }
        code_from = token.end;
        if error.is_none() {
            // A string or comment left open runs to the end of the text: the
            // last token.
            error = unterminated(&token);
        }
    });
    if code_from < src.len() {
        code(code_from..src.len(), &mut error);
    }
    error.or_else(|| {
        open.last()
            .map(|&(_, at)| (at, "this delimiter is never closed"))
    })
}

/// The first delimiter that does not match, or control character, in the
/// code `b[range]`, with `open` the delimiters open before it.
fn delimiter_error(
    b: &[u8],
    range: Range<usize>,
    open: &mut Vec<(u8, usize)>,
) -> Option<(usize, &'static str)> {
    let start = range.start;
    // Most bytes are neither delimiters nor control characters: skip them
    // a table lookup at a time.
    let interesting = b[range]
        .iter()
        .enumerate()
        .filter(|&(_, &c)| LEXICAL[c as usize]);
    for (i, &c) in interesting {
        let at = start + i;
        match c {
            b'(' | b'[' | b'{' => open.push((c, at)),
            b')' | b']' | b'}' => {
                let expected = match c {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match open.pop() {
                    Some((o, _)) if o == expected => {}
                    Some(_) => {
                        return Some((at, "this closing delimiter does not match the open one"))
                    }
                    None => return Some((at, "this closing delimiter has no opening one")),
                }
            }
            // ASCII control characters other than whitespace are no token.
            _ => return Some((at, "this character cannot appear in Rust code")),
        }
    }
    None
}

/// The error of a string, raw string or block comment left open.
fn unterminated(token: &Token) -> Option<(usize, &'static str)> {
    if token.terminated {
        return None;
    }
    let why = match token.kind {
        TokenKind::BlockComment { .. } => "this block comment is never closed",
        TokenKind::Literal(kind) if kind.is_string() => "this string literal is never closed",
        TokenKind::Literal(kind) if kind.is_raw_string() => {
            "this raw string literal is never closed"
        }
        _ => return None,
    };
    Some((token.start, why))
}

#[cfg(test)]
mod tests {
    #[test]
    fn leading_inner_attributes_are_read_without_a_parse() {
        let src = "//! Docs.\n#![cfg(test)]\n/* c */ #! [allow(x, y[0])]\nuse a::b;\n#![z]";
        assert_eq!(
            leading_inner_attributes(src),
            Some("#![cfg(test)]\n/* c */ #! [allow(x, y[0])]")
        );
        assert_eq!(
            leading_inner_attributes("#!/usr/bin/env run\nfn main() {}"),
            None
        );
        assert_eq!(leading_inner_attributes("#[cfg(test)]\nmod t;"), None);
        assert_eq!(leading_inner_attributes("fn main() {}"), None);
        // Not closed: nothing is read.
        assert_eq!(leading_inner_attributes("#![cfg(test)"), None);
    }
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
        assert_eq!(code(r#"f("spawn", 'x', b"loop")"#), "f(|, |, |)|");
        assert_eq!(code("r#\"spawn\"# + x"), " + x|");
        assert_eq!(code("fn f<'a>(x: &'a u8) {}"), "fn f<'a>(x: &'a u8) {}|");
        assert_eq!(code("r#loop + br\"x\""), "r#loop + |");
    }

    #[test]
    fn line_doc_comments_become_spaces() {
        let src = "//! crate docs\n/// é docs\r\nfn f() { let s = \"/// not\"; } //// plain\n/** block */\n";
        let out = without_line_doc_comments(src);
        assert_eq!(
            out,
            "              \n            \nfn f() { let s = \"/// not\"; } //// plain\n/** block */\n"
        );
        assert_eq!(out.len(), src.len());
        assert!(matches!(
            without_line_doc_comments("fn f() {} // x"),
            Cow::Borrowed(_)
        ));
        // Doc comments that document nothing stay for the parser to report.
        for kept in [
            "/// dangling\n",
            "struct S { a: u8, /// dangling\n}",
            "fn f() {} //! misplaced\n",
        ] {
            assert_eq!(without_line_doc_comments(kept), kept);
        }
        assert_eq!(
            without_line_doc_comments("#![allow(x)]\n//! a\nmod m { //! b\n}\n/// c\n\"lit\""),
            "#![allow(x)]\n     \nmod m {      \n}\n     \n\"lit\""
        );
    }

    #[test]
    fn token_errors_are_found_where_they_are() {
        assert_eq!(token_error("fn f() { g(\"(\", '{', /* ) */ x) }"), None);
        assert_eq!(
            token_error("fn f( {\n"),
            Some((6, "this delimiter is never closed"))
        );
        assert_eq!(
            token_error("fn f() }"),
            Some((7, "this closing delimiter has no opening one"))
        );
        assert_eq!(
            token_error("fn f(] {}"),
            Some((5, "this closing delimiter does not match the open one"))
        );
        assert_eq!(
            token_error("let s = \"abc;"),
            Some((8, "this string literal is never closed"))
        );
        assert_eq!(
            token_error("x /* y"),
            Some((2, "this block comment is never closed"))
        );
        assert_eq!(
            token_error("x r#\"y\""),
            Some((2, "this raw string literal is never closed"))
        );
        assert_eq!(token_error("x // y"), None);
        assert_eq!(
            token_error("fn main() {}\0\n"),
            Some((12, "this character cannot appear in Rust code"))
        );
        assert_eq!(token_error("fn main() {}\t\r\n\x0c"), None);
        assert_eq!(token_error("x = \"\";"), None);
        assert_eq!(token_error("x = \"a\"\n"), None);
        assert_eq!(token_error("fn f() -> u8 { let x = ; }"), None);
    }
}
