//! The exact pre-filter: files in which no rule could find anything are not
//! parsed.
//!
//! Parsing is most of leaklint's cost (about 45× reading the file), and most
//! files of a service cannot contain what any rule looks for. Every rule
//! declares [`Lint::trigger_words`](leaklint_lints::Lint::trigger_words)
//! (the last path segments of every call it can flag) and
//! [`Lint::requires`](leaklint_lints::Lint::requires) (further word lists,
//! each of which must be met too: the crates its resolved paths start with,
//! the `loop` an endless loop needs, the `async` an async context needs).
//! Rules resolve paths through the file's `use` items, and a rename keeps the
//! original name in the `use` (`use tokio::spawn as go;`), so a call a rule
//! flags always spells these words somewhere in the file's code. A file in
//! which no enabled rule has all its requirements met therefore cannot
//! produce a finding; it is counted as scanned but not parsed.
//!
//! Only code counts: words in comments, doc comments and string literals are
//! ignored ([`crate::code`]), since rules never look there. The exception is
//! the word `leaklint` itself, searched in the whole text so that a file with
//! a suppression comment is always parsed and an unused suppression in it is
//! still reported.
//!
//! A word counts only where it is not glued to another ASCII identifier
//! character (`[A-Za-z0-9_]`) on either side: rules compare whole path
//! segments, so the identifier a flagged call spells is the word itself. The
//! check is deliberately looser than Rust's own rules (a non-ASCII letter
//! next to the word still counts as a boundary), so it can only let more
//! files through.
//!
//! An entry `a+b` of a word list is met only when both words occur (`spawn+loop`).
//!
//! Configured `spawn_functions` stand for `spawn` (their last segment) and
//! configured `guard_functions` for `guard` (their first segment) in every
//! entry that names it (the resolved callee ends with the configured
//! segments, so each of them is spelled at the call or in the `use` it came
//! through).
//!
//! A rule that declares no trigger words can fire anywhere: with such a rule
//! enabled the filter lets every file through. `--no-prefilter` turns the
//! filter off; `tests/prefilter.rs` checks that it loses nothing.

use aho_corasick::{AhoCorasick, MatchKind};
use leaklint_lints::LintOptions;

use crate::code::scan_code;
use crate::config::Config;

/// The word that keeps files with suppression comments.
pub const SUPPRESSION_WORD: &str = "leaklint";

/// What the pre-filter found in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// For each enabled rule (in [`Config::enabled`] order) whether it could
    /// find something; `None` when every rule may.
    pub rules: Option<Vec<bool>>,
    /// Where the text stops being Rust tokens, and why (see
    /// [`crate::code::token_error`]); only looked for when `rules` is `Some`.
    pub token_error: Option<(usize, &'static str)>,
}

/// A multi-pattern matcher over the requirements of a [`Config`]'s rules.
#[derive(Debug, Clone)]
pub struct Prefilter {
    /// `None` when some enabled rule has no trigger words: every file passes.
    matcher: Option<AhoCorasick>,
    /// Every word searched for, sorted; a word's index is its pattern id.
    words: Vec<String>,
    /// For each enabled rule, its word lists; each entry of a list is a set
    /// of indices into `words` that must all occur (one word, or `a+b`). A
    /// rule may fire when every list has an entry whose words all occur.
    rules: Vec<Vec<Vec<Vec<usize>>>>,
}

impl Prefilter {
    /// The filter for the enabled rules and options of `config`.
    pub fn new(config: &Config) -> Prefilter {
        let Some(rules) = requirements(config) else {
            return Prefilter {
                matcher: None,
                words: Vec::new(),
                rules: Vec::new(),
            };
        };
        let mut words: Vec<String> = rules
            .iter()
            .flatten()
            .flatten()
            .flat_map(|entry| entry.split('+').map(str::to_string))
            .collect();
        words.sort();
        words.dedup();
        let index = |w: &str| {
            words
                .binary_search_by(|x| x.as_str().cmp(w))
                .expect("every word is in the list")
        };
        let rules = rules
            .iter()
            .map(|lists| {
                lists
                    .iter()
                    .map(|list| {
                        list.iter()
                            .map(|entry| entry.split('+').map(index).collect())
                            .collect()
                    })
                    .collect()
            })
            .collect();
        // Leftmost-longest, not overlapping: a match hidden by another one
        // overlapping it would have an identifier character next to it, so
        // it would not count anyway.
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .expect("a few short literal words always build a matcher");
        Prefilter {
            matcher: Some(matcher),
            words,
            rules,
        }
    }

    /// Whether some rule could find something in `text`: for some enabled
    /// rule, every word list has a word in the code (or the filter lets
    /// everything through).
    pub fn may_match(&self, text: &[u8]) -> bool {
        self.rules_that_may_match(text)
            .is_none_or(|rules| rules.iter().any(|&r| r))
    }

    /// For each enabled rule of the filter's configuration, in the order of
    /// [`Config::enabled`], whether it could find something in `text`;
    /// `None` when every rule may (the filter lets everything through).
    pub fn rules_that_may_match(&self, text: &[u8]) -> Option<Vec<bool>> {
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
        let mut present = vec![false; self.words.len()];
        let glued = |i: Option<usize>| {
            i.and_then(|i| text.get(i))
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
        };
        let token_error = scan_code(src, |range| {
            let code = &text[range.clone()];
            for m in matcher.find_iter(code) {
                let (start, end) = (range.start + m.start(), range.start + m.end());
                let inside = |i: usize| i >= range.start && i < range.end;
                let before = start.checked_sub(1).filter(|&i| inside(i));
                let after = Some(end).filter(|&i| inside(i));
                if !glued(before) && !glued(after) {
                    present[m.pattern().as_usize()] = true;
                }
            }
        });
        if let Ok(i) = self
            .words
            .binary_search_by(|w| w.as_str().cmp(SUPPRESSION_WORD))
        {
            present[i] = present[i] || contains_word(text, SUPPRESSION_WORD.as_bytes());
        }
        let rules = self
            .rules
            .iter()
            .map(|lists| {
                lists
                    .iter()
                    .all(|list| list.iter().any(|entry| entry.iter().all(|&w| present[w])))
            })
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

/// For each enabled rule, its word lists (trigger words first, then its
/// further requirements), with the configured functions added; `None` when
/// some enabled rule has no trigger words.
fn requirements(config: &Config) -> Option<Vec<Vec<Vec<String>>>> {
    let defaults = LintOptions::default();
    let options = &config.options;
    let extra_spawns = configured_words(
        &options.spawn_functions,
        &defaults.spawn_functions,
        last_segment,
    )?;
    let extra_guards = configured_words(
        &options.guard_functions,
        &defaults.guard_functions,
        first_segment,
    )?;
    // An entry naming `spawn` (or `guard`) also stands for each configured
    // spawn (guard) function: `spawn+loop` gains `go_detached+loop`.
    let widen = |list: &[&str]| {
        let mut entries: Vec<String> = Vec::new();
        for entry in list {
            entries.push(entry.to_string());
            for (word, extras) in [("spawn", &extra_spawns), ("guard", &extra_guards)] {
                if entry.split('+').any(|w| w == word) {
                    for extra in extras {
                        let replaced: Vec<&str> = entry
                            .split('+')
                            .map(|w| if w == word { extra.as_str() } else { w })
                            .collect();
                        entries.push(replaced.join("+"));
                    }
                }
            }
        }
        entries
    };
    let mut rules = Vec::new();
    for enabled in config.enabled() {
        let lint = &enabled.lint;
        if lint.trigger_words.is_empty() {
            return None;
        }
        let mut lists = vec![widen(lint.trigger_words)];
        lists.extend(lint.requires.iter().map(|list| widen(list)));
        rules.push(lists);
    }
    Some(rules)
}

/// The `segment` of every configured path that is not a default one; `None`
/// when a path has no segment at all (it could match anything).
fn configured_words(
    configured: &[String],
    defaults: &[String],
    segment: fn(&str) -> Option<&str>,
) -> Option<Vec<String>> {
    configured
        .iter()
        .filter(|p| !defaults.contains(p))
        .map(|p| segment(p).map(str::to_string))
        .collect()
}

/// `b` for `a::b`, `::a::b` or `b`; `None` for an empty path.
fn last_segment(path: &str) -> Option<&str> {
    path.rsplit("::").map(str::trim).find(|s| !s.is_empty())
}

/// `a` for `a::b`, `::a::b` or `a`; `None` for an empty path.
fn first_segment(path: &str) -> Option<&str> {
    path.split("::").map(str::trim).find(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use leaklint_lints::{Level, Lint, LINTS};

    fn stand_in(words: &'static [&'static str]) -> Lint {
        Lint {
            name: "stand_in",
            default_level: Level::Warn,
            summary: "",
            doc: "",
            trigger_words: words,
            requires: &[],
            check: |_, _| Vec::new(),
        }
    }

    #[test]
    fn words_of_every_enabled_rule_and_suppressions() {
        let config = Config::default();
        let filter = Prefilter::new(&config);
        let words = filter.words();
        for lint in LINTS {
            for word in lint.trigger_words.iter().flat_map(|e| e.split('+')) {
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
        let mut lint = stand_in(&["spawn"]);
        lint.requires = &[&["loop", "while"]];
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
        let mut config = Config::with_lints(&[stand_in(&["alpha"]), stand_in(&["beta"])]);
        config.lints[1].level = Level::Allow;
        let filter = Prefilter::new(&config);
        assert!(filter.may_match(b"fn f() { alpha(); }"));
        assert!(!filter.may_match(b"fn f() { beta(); }"));
    }

    #[test]
    fn whole_identifiers_only() {
        let filter = Prefilter::new(&Config::with_lints(&[stand_in(&[
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
        let filter = Prefilter::new(&Config::with_lints(&[stand_in(&["x"]), stand_in(&[])]));
        assert!(filter.passes_everything());
        assert!(filter.may_match(b""));
    }

    #[test]
    fn an_entry_joined_with_plus_needs_all_its_words() {
        let mut lint = stand_in(&["interval"]);
        lint.requires = &[&["static", "spawn+loop"]];
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
    fn configured_paths_widen_the_lists_naming_spawn_or_guard() {
        let mut config = Config::with_lints(&[stand_in(&["spawn"]), stand_in(&["guard"])]);
        config
            .options
            .spawn_functions
            .push("::my_rt::go_detached".into());
        config.options.guard_functions.push("Janitor::sweep".into());
        let words = Prefilter::new(&config).words().to_vec();
        assert!(words.contains(&"go_detached".to_string()));
        assert!(words.contains(&"Janitor".to_string()));
        let filter = Prefilter::new(&config);
        assert!(filter.may_match(b"fn f() { my_rt::go_detached(x); }"));
        assert!(filter.may_match(b"use jan::Janitor; fn f() { let _g = Janitor::sweep(|| ()); }"));
        // The defaults are the rules' business: `OnDrop::new` adds no `new`.
        assert!(!words.contains(&"new".to_string()));
    }
}
