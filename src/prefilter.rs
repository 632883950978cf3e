//! The exact pre-filter: files in which no rule could find anything are not
//! parsed.
//!
//! Parsing is most of leaklint's cost (about 45× reading the file), and most
//! files of a service cannot contain what any rule looks for. Every rule
//! has [`Triggers`](leaklint_lints::Triggers), derived from the well-known
//! paths it recognises ([`leaklint_lints::context::paths`]): entries one of
//! which must occur (the calls it can flag), and further lists each of
//! which must be met too (the crates its resolved paths start with, the
//! `loop` an endless loop needs, the `async` an async context needs).
//! Rules resolve paths through the file's `use` items, and a rename keeps the
//! original name in the `use` (`use tokio::spawn as go;`), so a call a rule
//! flags always spells these words somewhere in the file's code. A file in
//! which no enabled rule has all its requirements met therefore cannot
//! produce a finding; it is counted as scanned but not parsed.
//!
//! Only code counts: words in comments, doc comments and string literals are
//! ignored ([`crate::code`]), since rules never look there. What follows a
//! word is read as tokens of [`crate::lexer`]. The exception is
//! the word `leaklint` itself, searched in the whole text so that a file with
//! a suppression comment is always parsed and an unused suppression in it is
//! still reported.
//!
//! A word counts only where it is not glued to another ASCII identifier
//! character (`[A-Za-z0-9_]`) on either side, nor preceded by `'` (the
//! lifetime `'static` is not the keyword `static`): rules compare whole path
//! segments and keywords, so the identifier a flagged call spells is the word itself. The
//! check is deliberately looser than Rust's own rules (a non-ASCII letter
//! next to the word still counts as a boundary), so it can only let more
//! files through.
//!
//! An entry `a+b` of a word list is met only when both words occur (`spawn+loop`).
//! Each of them may be more than a word:
//!
//! * `A::B` is met where the word `A` is followed by `::` and `B` (spaces,
//!   line breaks and generic arguments `A::<T>::B` may come between): the
//!   two segments of a path the rule resolves are spelled together at the
//!   call (`OnDrop::new(…)`) or in the `use` it came through
//!   (`use scopeguard::guard;`), or at the top level of a `use` group
//!   after `A::{`; whitespace and comments between the tokens do not
//!   count. Where the file could spell them apart, the entry is met
//!   too: `A` followed by `as` (a rename: `use a::OnDrop as Guard;` then
//!   `Guard::new(…)`), a group that renames `self` (`A::{self as x}`), a
//!   glob (`A::*`). Every two neighbouring segments of a path
//!   resolved through `use` items are spelled together this way, except
//!   where import normalisation or the prelude writes one of them
//!   (`std` from `core::…`, `std::boxed::Box` from `Box`): entries name no
//!   such segment.
//! * `m!` is met where the word `m` is followed by `!` (a macro call), or by
//!   `as` (a renamed import of the macro).
//! * `~w` is met where `w` occurs in code, also inside a longer identifier:
//!   `~spawn` in `spawn_named(…)`, the call of a crate's spawn wrapper,
//!   whose name only the crate knows.
//!
//! Configured `spawn_functions` stand for `spawn` (their last segment) in
//! every entry that names it, and configured `guard_functions` are added to
//! every list that holds one of the default guard functions (as `A::B`, their
//! last two segments: the resolved callee ends with them). Either way the
//! configured function is spelled at the call or in the `use` it came
//! through.
//!
//! A rule that declares no trigger words can fire anywhere: with such a rule
//! enabled the filter lets every file through. `--no-prefilter` turns the
//! filter off; `tests/prefilter.rs` checks that it loses nothing.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use leaklint_lints::context::paths;
use leaklint_lints::LintOptions;

use crate::code::scan_code;
use crate::config::{Config, RuleId, RuleSet};
use crate::lexer::{is_ascii_ident_byte, tokens_from, Token, TokenKind, Tokens};

/// The word that keeps files with suppression comments.
pub const SUPPRESSION_WORD: &str = "leaklint";

/// What the pre-filter found in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The enabled rules that could find something; `None` when every rule may.
    pub rules: Option<RuleSet>,
    /// Where the text stops being Rust tokens, and why (see
    /// [`crate::code::token_error`]); only looked for when `rules` is `Some`.
    pub token_error: Option<(usize, &'static str)>,
}

/// One part of an entry: a word and what must follow it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Condition {
    /// The word searched for, as an index into [`Prefilter::words`].
    word: usize,
    /// What must follow it.
    tail: Tail,
}

/// What must follow a word for a [`Condition`] to be met.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Tail {
    /// Nothing: the word alone.
    Nothing,
    /// `!`: a macro call (`defer!`).
    Bang,
    /// `::` and these path segments (`OnDrop::new`).
    Path(Vec<String>),
    /// Nothing, and the word may be part of a longer identifier (`~spawn`:
    /// `spawn` in `spawn_named`).
    Within,
}

impl Tail {
    /// Whether this tail follows in `text` from byte `at` (just after the
    /// word), or the text leaves it open.
    fn follows(&self, src: &str, at: usize) -> bool {
        match self {
            Tail::Nothing | Tail::Within => true,
            Tail::Bang => bang_follows(src, at),
            Tail::Path(segments) => path_follows(src, at, segments),
        }
    }
}

/// A multi-pattern matcher over the requirements of a [`Config`]'s rules.
#[derive(Debug, Clone)]
pub struct Prefilter {
    /// `None` when some enabled rule has no trigger words: every file passes.
    matcher: Option<AhoCorasick>,
    /// Every word searched for, sorted; a word's index is its pattern id.
    words: Vec<String>,
    /// Every condition of every entry, sorted by word.
    conditions: Vec<Condition>,
    /// For each word, the range of `conditions` it starts.
    by_word: Vec<std::ops::Range<usize>>,
    /// Each enabled rule and its word lists; each entry of a list is a set
    /// of indices into `conditions` that must all be met (one, or `a+b`). A
    /// rule may fire when every list has an entry whose conditions are all met.
    rules: Vec<(RuleId, Vec<Vec<Vec<usize>>>)>,
    /// The words of [`Tail::Within`] conditions, searched inside
    /// identifiers too, with the conditions each meets.
    within: Option<(AhoCorasick, Vec<Vec<usize>>)>,
}

impl Prefilter {
    /// The filter for the enabled rules and options of `config`, built to
    /// search many files.
    pub fn new(config: &Config) -> Prefilter {
        Prefilter::build(config, None)
    }

    /// As [`Prefilter::new`], built to search one file (a pre-commit hook,
    /// an editor): its matcher (an NFA, not a DFA) takes about a third of the
    /// time to build and searches a little more slowly, about 0.4 ms less
    /// per run on a 1,000-line file.
    pub fn for_one_file(config: &Config) -> Prefilter {
        Prefilter::build(config, Some(AhoCorasickKind::ContiguousNFA))
    }

    fn build(config: &Config, kind: Option<AhoCorasickKind>) -> Prefilter {
        let Some(rules) = requirements(config) else {
            return Prefilter {
                matcher: None,
                words: Vec::new(),
                conditions: Vec::new(),
                by_word: Vec::new(),
                rules: Vec::new(),
                within: None,
            };
        };
        let parts = || {
            rules
                .iter()
                .flat_map(|(_, lists)| lists)
                .flatten()
                .flat_map(|e| e.split('+'))
        };
        let mut words: Vec<String> = parts().map(|p| split_part(p).0.to_string()).collect();
        words.sort();
        words.dedup();
        let index = |w: &str| {
            words
                .binary_search_by(|x| x.as_str().cmp(w))
                .expect("every word is in the list")
        };
        let condition = |part: &str| {
            let (word, tail) = split_part(part);
            Condition {
                word: index(word),
                tail,
            }
        };
        let mut conditions: Vec<Condition> = parts().map(condition).collect();
        conditions.sort();
        conditions.dedup();
        let by_word = (0..words.len())
            .map(|w| {
                let from = conditions.partition_point(|c| c.word < w);
                from..conditions.partition_point(|c| c.word <= w)
            })
            .collect();
        let rules = rules
            .iter()
            .map(|(id, lists)| {
                let lists = lists
                    .iter()
                    .map(|list| {
                        list.iter()
                            .map(|entry| {
                                entry
                                    .split('+')
                                    .map(|part| {
                                        conditions
                                            .binary_search(&condition(part))
                                            .expect("every condition is in the list")
                                    })
                                    .collect()
                            })
                            .collect()
                    })
                    .collect();
                (*id, lists)
            })
            .collect();
        // Leftmost-longest, not overlapping: a match hidden by another one
        // overlapping it would have an identifier character next to it, so
        // it would not count anyway.
        let matcher = AhoCorasick::builder()
            .kind(kind)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .expect("a few short literal words always build a matcher");
        let within_words: Vec<usize> = conditions
            .iter()
            .filter(|c| c.tail == Tail::Within)
            .map(|c| c.word)
            .collect();
        let within = (!within_words.is_empty()).then(|| {
            let met_by = within_words
                .iter()
                .map(|&w| {
                    (0..conditions.len())
                        .filter(|&c| conditions[c].word == w && conditions[c].tail == Tail::Within)
                        .collect()
                })
                .collect();
            let matcher = AhoCorasick::new(within_words.iter().map(|&w| &words[w]))
                .expect("a few short literal words always build a matcher");
            (matcher, met_by)
        });
        Prefilter {
            matcher: Some(matcher),
            words,
            conditions,
            by_word,
            rules,
            within,
        }
    }

    /// Whether some rule could find something in `text`: for some enabled
    /// rule, every word list has an entry met in the code (or the filter
    /// lets everything through).
    pub fn may_match(&self, text: &[u8]) -> bool {
        self.rules_that_may_match(text)
            .is_none_or(|rules| !rules.is_empty())
    }

    /// The enabled rules of the filter's configuration that could find
    /// something in `text`; `None` when every rule may (the filter lets
    /// everything through).
    pub fn rules_that_may_match(&self, text: &[u8]) -> Option<RuleSet> {
        let src = std::str::from_utf8(text).ok()?;
        self.check(src).rules
    }

    /// The filter's verdict on `src`, with its lexical check made in the
    /// same pass over the text.
    pub fn check(&self, src: &str) -> Verdict {
        let Some(matcher) = &self.matcher else {
            return Verdict {
                rules: None,
                token_error: None,
            };
        };
        let text = src.as_bytes();
        let mut met = vec![false; self.conditions.len()];
        let glued = |i: Option<usize>| {
            i.and_then(|i| text.get(i))
                .is_some_and(|&b| is_ascii_ident_byte(b))
        };
        let token_error = scan_code(src, |range| {
            let code = &text[range.clone()];
            for m in matcher.find_iter(code) {
                let (start, end) = (range.start + m.start(), range.start + m.end());
                let inside = |i: usize| i >= range.start && i < range.end;
                let before = start.checked_sub(1).filter(|&i| inside(i));
                let after = Some(end).filter(|&i| inside(i));
                // `'static`, `'outer`: a lifetime or label is no path segment or keyword.
                let lifetime = before.is_some_and(|i| text[i] == b'\'');
                if glued(before) || glued(after) || lifetime {
                    continue;
                }
                for c in self.by_word[m.pattern().as_usize()].clone() {
                    met[c] = met[c] || self.conditions[c].tail.follows(src, end);
                }
            }
            if let Some((within, met_by)) = &self.within {
                for m in within.find_iter(code) {
                    for &c in &met_by[m.pattern().as_usize()] {
                        met[c] = true;
                    }
                }
            }
        });
        if let Ok(w) = self
            .words
            .binary_search_by(|w| w.as_str().cmp(SUPPRESSION_WORD))
        {
            if contains_word(text, SUPPRESSION_WORD.as_bytes()) {
                for c in self.by_word[w].clone() {
                    met[c] = true;
                }
            }
        }
        let rules = self
            .rules
            .iter()
            .filter(|(_, lists)| {
                lists
                    .iter()
                    .all(|list| list.iter().any(|entry| entry.iter().all(|&c| met[c])))
            })
            .map(|(id, _)| *id)
            .collect();
        Verdict {
            rules: Some(rules),
            token_error,
        }
    }

    /// The words searched for, sorted; empty when every file passes.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// Whether the filter lets every file through.
    pub fn passes_everything(&self) -> bool {
        self.matcher.is_none()
    }
}

/// Whether `word` occurs anywhere in `text` (comments included).
fn contains_word(text: &[u8], word: &[u8]) -> bool {
    text.windows(word.len()).any(|w| w == word)
}

/// A part of an entry split into its word and its tail: `OnDrop::new` is
/// `OnDrop` and `::new`, `defer!` is `defer` and `!`, `~spawn` is `spawn`
/// anywhere in an identifier.
fn split_part(part: &str) -> (&str, Tail) {
    if let Some(word) = part.strip_prefix('~') {
        return (word, Tail::Within);
    }
    if let Some(word) = part.strip_suffix('!') {
        return (word, Tail::Bang);
    }
    let mut segments = part.split("::");
    let word = segments.next().unwrap_or_default();
    let rest: Vec<String> = segments.map(str::to_string).collect();
    if rest.is_empty() {
        (word, Tail::Nothing)
    } else {
        (word, Tail::Path(rest))
    }
}

/// Whether `token` is the keyword `as` (a rename).
fn is_as(src: &str, token: &Token) -> bool {
    token.kind == TokenKind::Ident && &src[token.range()] == "as"
}

/// Skips the generic arguments whose `<` was the last token read; `false`
/// where they do not close before a `;`, a brace or the end of the text.
fn skip_generics(src: &str, tokens: &mut Tokens<'_>) -> bool {
    let mut depth = 1usize;
    let mut previous: Option<Token> = None;
    for token in tokens.by_ref() {
        if token.kind == TokenKind::Punct {
            // `->` and `=>` close nothing.
            let arrow = previous.is_some_and(|p| {
                p.end == token.start && (p.is_punct(src, b'-') || p.is_punct(src, b'='))
            });
            match src.as_bytes()[token.start] {
                b'<' => depth += 1,
                b'>' if arrow => {}
                b'>' => {
                    depth -= 1;
                    if depth == 0 {
                        return true;
                    }
                }
                b';' | b'{' | b'}' => return false,
                _ => {}
            }
        }
        previous = Some(token);
    }
    false
}

/// Whether the `use` group whose `{` was the last token read may bring in
/// `segment`: it names it, or renames `self` (`{self as alias}`), or has a
/// glob, at its own level (`std::{fmt::{self}}` names `std::fmt`, not
/// `std`), or it does not close.
fn group_may_name(src: &str, tokens: &mut Tokens<'_>, segment: &str) -> bool {
    let mut depth = 1usize;
    // Whether the next path of this group's own level starts here (after
    // `{` or `,`): its first segment is what the group brings in.
    let mut item_start = true;
    while let Some(token) = tokens.next_non_trivia() {
        if let Some(name) = token.ident_name(src) {
            // `A::{self}` names `A`, spelled at the call; `A::{self as x}` renames it.
            let renamed_self = token.kind == TokenKind::Ident
                && name == "self"
                && tokens
                    .clone()
                    .next_non_trivia()
                    .is_none_or(|t| is_as(src, &t));
            if item_start && (name == segment || renamed_self) {
                return true;
            }
            item_start = false;
            continue;
        }
        if token.kind != TokenKind::Punct {
            item_start = false;
            continue;
        }
        match src.as_bytes()[token.start] {
            b'{' => {
                depth += 1;
                item_start = depth == 1;
            }
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return false;
                }
            }
            b',' => item_start = depth == 1,
            b'*' if item_start => return true,
            _ => item_start = false,
        }
    }
    true
}

/// Whether a `!` (not `!=`) follows at `at`, or an `as`.
fn bang_follows(src: &str, at: usize) -> bool {
    match tokens_from(src, at).next_non_trivia() {
        Some(t) if t.is_punct(src, b'!') => src.as_bytes().get(t.end) != Some(&b'='),
        Some(t) => is_as(src, &t),
        None => false,
    }
}

/// Whether `::` and `segments` follow at `at` (after a word), or the text
/// leaves it open: an `as`, a `use` group or glob, generic arguments that
/// do not close. Whitespace and comments between them do not count.
fn path_follows(src: &str, at: usize, segments: &[String]) -> bool {
    let mut tokens = tokens_from(src, at);
    let mut segments = segments.iter().peekable();
    while let Some(segment) = segments.peek() {
        let Some(token) = tokens.next_non_trivia() else {
            return false;
        };
        if is_as(src, &token) {
            return true;
        }
        if token.is_punct(src, b'<') {
            if !skip_generics(src, &mut tokens) {
                return true;
            }
            continue;
        }
        let colons =
            token.is_punct(src, b':') && tokens.next().is_some_and(|t| t.is_punct(src, b':'));
        if !colons {
            return false;
        }
        let Some(token) = tokens.next_non_trivia() else {
            return false;
        };
        if token.is_punct(src, b'*') {
            return true;
        }
        if token.is_punct(src, b'{') {
            return group_may_name(src, &mut tokens, segment);
        }
        if token.is_punct(src, b'<') {
            if !skip_generics(src, &mut tokens) {
                return true;
            }
            continue;
        }
        if token.ident_name(src) != Some(segment.as_str()) {
            return false;
        }
        segments.next();
    }
    true
}

/// Each enabled rule and its word lists (trigger words first, then its
/// further requirements), with the configured functions added; `None` when
/// some enabled rule has no trigger words.
fn requirements(config: &Config) -> Option<Vec<(RuleId, Vec<Vec<String>>)>> {
    let defaults = LintOptions::default();
    let options = &config.options;
    let extra_spawns = configured(&options.spawn_functions, &defaults.spawn_functions)
        .map(|p| last_segment(p).map(str::to_string))
        .collect::<Option<Vec<String>>>()?;
    let default_guards: Vec<String> = defaults
        .guard_functions
        .iter()
        .flat_map(|p| guard_form(p).unwrap_or_default())
        .collect();
    let mut extra_guards = Vec::new();
    for path in configured(&options.guard_functions, &defaults.guard_functions) {
        extra_guards.extend(guard_form(path)?);
    }
    let widen = |list: &[String]| {
        let mut entries: Vec<String> = Vec::new();
        for entry in list {
            entries.push(entry.to_string());
            // An entry naming `spawn` also stands for each configured spawn
            // function: `spawn+loop` gains `go_detached+loop`.
            if entry.split('+').any(|w| w == "spawn") {
                for extra in &extra_spawns {
                    let replaced: Vec<&str> = entry
                        .split('+')
                        .map(|w| if w == "spawn" { extra.as_str() } else { w })
                        .collect();
                    entries.push(replaced.join("+"));
                }
            }
        }
        // A list holding the default guard functions holds the configured ones.
        if entries.iter().any(|e| default_guards.contains(e)) {
            entries.extend(extra_guards.iter().cloned());
        }
        entries
    };
    let mut rules = Vec::new();
    for (id, enabled) in config.enabled_ids() {
        let triggers = (enabled.lint.triggers)();
        if triggers.words.is_empty() {
            return None;
        }
        let mut lists = vec![widen(&triggers.words)];
        lists.extend(triggers.requires.iter().map(|list| widen(list)));
        rules.push((id, lists));
    }
    Some(rules)
}

/// The configured paths that are not default ones.
fn configured<'a>(
    configured: &'a [String],
    defaults: &'a [String],
) -> impl Iterator<Item = &'a str> + 'a {
    configured
        .iter()
        .filter(|p| !defaults.contains(p))
        .map(String::as_str)
}

/// The path segments of `path`, without empty ones (`::a::b` is `a`, `b`).
fn segments(path: &str) -> Vec<&str> {
    path.split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// `b` for `a::b`, `::a::b` or `b`; `None` for an empty path.
fn last_segment(path: &str) -> Option<&str> {
    segments(path).pop()
}

/// The entries a guard function path stands for: its
/// [`paths::spelled_entries`] (`OnDrop::new` for `util::OnDrop::new`; the
/// resolved callee ends with the path, so the file spells them); `None` for
/// an empty path (it could match anything).
fn guard_form(path: &str) -> Option<Vec<String>> {
    let entries = paths::spelled_entries(path);
    (!entries.is_empty()).then_some(entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use leaklint_lints::{Level, Lint, Triggers, LINTS};

    /// A rule that finds nothing, with these trigger words and further lists.
    macro_rules! stand_in {
        ([$($word:literal),* $(,)?] $(, [$([$($list:literal),*]),*])?) => {
            Lint {
                name: "stand_in",
                default_level: Level::Warn,
                summary: "",
                doc: "",
                triggers: || Triggers {
                    words: vec![$($word.to_string()),*],
                    requires: vec![$($(vec![$($list.to_string()),*]),*)?],
                },
                check: |_, _| Vec::new(),
            }
        };
    }

    #[test]
    fn words_of_every_enabled_rule_and_suppressions() {
        let config = Config::default();
        let filter = Prefilter::new(&config);
        let words = filter.words();
        for lint in LINTS {
            for part in (lint.triggers)().words.iter().flat_map(|e| e.split('+')) {
                let word = split_part(part).0;
                assert!(words.iter().any(|w| w == word), "{word} missing");
            }
        }
    }

    #[test]
    fn suppression_comments_keep_a_file_when_their_rules_run() {
        let lints: Vec<Lint> = crate::rules::all().copied().collect();
        let filter = Prefilter::new(&Config::with_lints(&lints));
        assert!(filter.may_match(b"// leaklint: allow(spawn_without_cancel)\nfn f() {}"));
        let filter = Prefilter::new(&Config::default());
        assert!(!filter.may_match(b"// leaklint: allow(spawn_without_cancel)\nfn f() {}"));
    }

    #[test]
    fn every_word_list_of_a_rule_must_be_met_in_code() {
        let lint = stand_in!(["spawn"], [["loop", "while"]]);
        let filter = Prefilter::new(&Config::with_lints(&[lint]));
        assert!(filter.may_match(b"fn f() { tokio::spawn(async { loop {} }); }"));
        assert!(!filter.may_match(b"fn f() { tokio::spawn(async {}); }"));
        assert!(!filter.may_match(b"fn f() { loop {} }"));
        // Words in comments and string literals do not count.
        assert!(!filter.may_match(b"fn f() { tokio::spawn(x); } // loop"));
        assert!(!filter.may_match(b"/// loop\nfn f() { tokio::spawn(\"loop\"); }"));
        assert!(!filter.may_match(b"fn f() { spawn(x); /* loop */ }"));
    }

    #[test]
    fn disabled_rules_do_not_contribute() {
        let mut config = Config::with_lints(&[stand_in!(["alpha"]), stand_in!(["beta"])]);
        config.lints[1].level = Level::Allow;
        let filter = Prefilter::new(&config);
        assert!(filter.may_match(b"fn f() { alpha(); }"));
        assert!(!filter.may_match(b"fn f() { beta(); }"));
    }

    #[test]
    fn whole_identifiers_only() {
        let filter = Prefilter::new(&Config::with_lints(&[stand_in!([
            "spawn",
            "spawn_blocking",
        ])]));
        for hit in [
            &b"r#spawn(x)"[..],
            b"spawn",
            b"tokio::spawn(",
            b"use tokio::{spawn as go};",
            b"x.spawn_blocking(f)",
            b"\xc3\xa9spawn()",
            b"spawn\xc3\xa9",
        ] {
            assert!(filter.may_match(hit), "{}", String::from_utf8_lossy(hit));
        }
        for miss in [
            &b"fn main() {}"[..],
            b"Spawn",
            b"respawn()",
            b"spawn2()",
            b"spawn_local()",
            b"_spawn",
        ] {
            assert!(!filter.may_match(miss), "{}", String::from_utf8_lossy(miss));
        }
    }

    #[test]
    fn a_rule_without_words_lets_everything_through() {
        let filter = Prefilter::new(&Config::with_lints(&[stand_in!(["x"]), stand_in!([])]));
        assert!(filter.passes_everything());
        assert!(filter.may_match(b""));
    }

    #[test]
    fn an_entry_joined_with_plus_needs_all_its_words() {
        let lint = stand_in!(["interval"], [["static", "spawn+loop"]]);
        let mut config = Config::with_lints(&[lint]);
        let filter = Prefilter::new(&config);
        assert!(filter.may_match(b"fn f() { spawn(async { loop { interval(d); } }); }"));
        assert!(filter.may_match(b"static T: X = interval(d);"));
        assert!(!filter.may_match(b"fn f() { spawn(async { interval(d); }); }"));
        assert!(!filter.may_match(b"fn f() { loop { interval(d); } }"));
        // A configured spawn function stands for `spawn` inside the entry too.
        config.options.spawn_functions.push("rt::go".into());
        let filter = Prefilter::new(&config);
        assert!(filter.may_match(b"fn f() { rt::go(async { loop { interval(d); } }); }"));
    }

    #[test]
    fn a_within_entry_is_met_inside_identifiers_in_code() {
        let filter = Prefilter::new(&Config::with_lints(&[stand_in!(["~spawn+loop"])]));
        assert!(filter.may_match(b"fn f() { tasks::spawn_named(async { loop {} }); }"));
        assert!(filter.may_match(b"fn f() { respawn(async { loop {} }); }"));
        assert!(filter.may_match(b"fn f() { spawn_blocking_task(|| loop {}); }"));
        assert!(filter.may_match(b"fn f() { spawn(async { loop {} }); }"));
        // Code only, and every part of the entry still counts.
        assert!(!filter.may_match(b"fn f() { run(async { loop {} }); } // spawn_named"));
        assert!(!filter.may_match(b"fn f() { run(\"spawn_named\"); loop {} }"));
        assert!(!filter.may_match(b"fn f() { spawn_named(async {}); }"));
        // A whole-word entry of the same word is not met inside an identifier.
        let filter = Prefilter::new(&Config::with_lints(&[stand_in!(["spawn"])]));
        assert!(!filter.may_match(b"fn f() { spawn_named(x); }"));
    }

    #[test]
    fn configured_paths_widen_the_lists_naming_spawn_or_guard() {
        let mut config =
            Config::with_lints(&[stand_in!(["spawn"]), stand_in!(["OnDrop::new", "on_drop"])]);
        config
            .options
            .spawn_functions
            .push("::my_rt::go_detached".into());
        config.options.guard_functions.push("Janitor::sweep".into());
        config.options.guard_functions.push("finally".into());
        let words = Prefilter::new(&config).words().to_vec();
        assert!(words.contains(&"go_detached".to_string()));
        assert!(words.contains(&"Janitor".to_string()));
        let filter = Prefilter::new(&config);
        assert!(filter.may_match(b"fn f() { my_rt::go_detached(x); }"));
        assert!(filter.may_match(b"use jan::Janitor; fn f() { let _g = Janitor::sweep(|| ()); }"));
        assert!(filter.may_match(b"fn f() { let _g = finally(|| ()); }"));
        assert!(!filter.may_match(b"fn f() { let _g = Janitor::new(|| ()); }"));
        // A pair that normalisation or the prelude may write stands for its last segment.
        let form = |p: &str| guard_form(p).map(|e| e.join(" "));
        assert_eq!(
            form("futures::on_exit").as_deref(),
            Some("futures::on_exit futures_util::on_exit")
        );
        assert_eq!(form("std::mem::forget").as_deref(), Some("mem::forget"));
        assert_eq!(form("a::b::c").as_deref(), Some("b::c"));
        assert_eq!(form("std::mem::drop").as_deref(), Some("drop"));
        assert_eq!(form("::"), None);
    }

    #[test]
    fn a_path_entry_needs_its_segments_together() {
        let filter = Prefilter::new(&Config::with_lints(&[stand_in!(["OnDrop::new"])]));
        for hit in [
            &b"let g = OnDrop::new(|| ());"[..],
            b"let g = util::OnDrop :: new(|| ());",
            b"let g = OnDrop::\n    new(|| ());",
            b"let g = OnDrop::<F>::new(f);",
            b"let g = OnDrop::<Box<dyn Fn() -> u8>>::new(f);",
            b"let g = OnDrop::r#new(f);",
            // A rename, a `use` group or glob, a comment: the file is kept.
            b"use util::OnDrop as Guard; let g = Guard::new(f);",
            b"use util::OnDrop::{new}; let g = new(f);",
            b"use util::{OnDrop::{self as D}};",
            b"use util::OnDrop::{\n    new,\n};",
            b"use util::OnDrop::{x, r#new};",
            b"use util::OnDrop::*;",
            b"let g = OnDrop/* why */::new(f);",
            b"let g = OnDrop::<F; 3>::new(f);",
            "let g = OnDrop\u{2028}::new(f);".as_bytes(),
            "use util::OnDrop::{\u{85}new};".as_bytes(),
        ] {
            assert!(filter.may_match(hit), "{}", String::from_utf8_lossy(hit));
        }
        for miss in [
            &b"pub unsafe fn OnDrop<P0>(&self, p: P0) -> Result<()> { Self::new() }"[..],
            b"let v = Vtbl { OnDrop: OnDrop::<Identity, OFFSET>, };",
            b"struct S { OnDrop: u8 } fn new() {}",
            b"let g = OnDrop::news(f);",
            b"let g = OnDrop::\"new\";",
            b"let g = OnDrop;",
            b"use util::OnDrop::{news, renew};",
            b"use util::OnDrop::{inner::{self, new}, x::*};",
            b"use util::OnDrop::{self, Other};",
        ] {
            assert!(!filter.may_match(miss), "{}", String::from_utf8_lossy(miss));
        }
    }

    #[test]
    fn the_one_file_matcher_gives_the_same_verdicts() {
        let config = Config::default();
        let (many, one) = (Prefilter::new(&config), Prefilter::for_one_file(&config));
        for src in [
            "fn f() { tokio::spawn(async { loop {} }); }",
            "use scopeguard::defer as later; fn f() { later! {} }",
            "async fn f() { std::thread::sleep(d); } // leaklint",
            "fn f<'static>() {}",
            "",
        ] {
            assert_eq!(many.check(src), one.check(src), "{src}");
        }
    }

    #[test]
    fn a_macro_entry_needs_its_bang() {
        let filter = Prefilter::new(&Config::with_lints(&[stand_in!(["defer!"])]));
        for hit in [
            &b"defer! { log(); }"[..],
            b"scopeguard::defer !{ log(); }",
            b"use scopeguard::defer as later; later! { log(); }",
        ] {
            assert!(filter.may_match(hit), "{}", String::from_utf8_lossy(hit));
        }
        for miss in [
            &b"pub fn defer(&self) {}"[..],
            b"struct S { pub defer: BOOL }",
            b"if defer != 0 {}",
        ] {
            assert!(!filter.may_match(miss), "{}", String::from_utf8_lossy(miss));
        }
    }
}
