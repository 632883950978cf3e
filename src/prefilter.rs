//! The exact pre-filter: files in which no rule could find anything are not
//! parsed.
//!
//! Parsing is most of leaklint's cost (about 45× reading the file), and most
//! files of a service cannot contain what any rule looks for. Every rule
//! declares [`Lint::trigger_words`](leaklint_lints::Lint::trigger_words):
//! the last path segments of every call it can flag. Rules resolve paths
//! through the file's `use` items, and a rename keeps the original name in
//! the `use` (`use tokio::spawn as go;`), so a call a rule flags always names
//! one of its trigger words somewhere in the file's text. A file in which no
//! trigger word of any enabled rule occurs therefore cannot produce a
//! finding; it is counted as scanned but not parsed.
//!
//! A word counts only where it is not glued to another ASCII identifier
//! character (`[A-Za-z0-9_]`) on either side: rules compare whole path
//! segments, so the identifier a flagged call spells is the word itself, and
//! whatever stands next to an identifier in Rust source (punctuation,
//! whitespace, `r#`, a non-ASCII character) is not an ASCII identifier
//! character. The check is deliberately looser than Rust's own rules (a
//! non-ASCII letter next to the word still counts as a boundary), so it can
//! only let more files through. It matters: `get` occurs in half the files
//! of a typical crate inside longer names (`target`, `get_mut`), but as a
//! whole identifier in far fewer.
//!
//! Besides the rules' words, the needles are:
//!
//! * the last segment of every `spawn_functions` / `guard_functions` path
//!   configured beyond [`LintOptions::default`] (a rule's own words cover its
//!   default options; a configured path's last segment is the name the call
//!   or its `use` must spell);
//! * `leaklint`, so that a file with a suppression comment is always parsed
//!   and an unused suppression in it is still reported.
//!
//! A rule that declares no trigger words can fire anywhere: with such a rule
//! enabled the filter lets every file through. `--no-prefilter` turns the
//! filter off; `tests/prefilter.rs` checks that it loses nothing.

use aho_corasick::AhoCorasick;
use leaklint_lints::LintOptions;

use crate::config::Config;

/// The needle that keeps files with suppression comments.
pub const SUPPRESSION_WORD: &str = "leaklint";

/// A multi-pattern matcher over the trigger words of a [`Config`].
#[derive(Debug, Clone)]
pub struct Prefilter {
    /// `None` when some enabled rule has no trigger words: every file passes.
    matcher: Option<AhoCorasick>,
    words: Vec<String>,
}

impl Prefilter {
    /// The filter for the enabled rules and options of `config`.
    pub fn new(config: &Config) -> Prefilter {
        match needles(config) {
            Some(words) => {
                let matcher = AhoCorasick::new(&words)
                    .expect("a few short literal words always build a matcher");
                Prefilter {
                    matcher: Some(matcher),
                    words,
                }
            }
            None => Prefilter {
                matcher: None,
                words: Vec::new(),
            },
        }
    }

    /// Whether some rule could find something in `text`: it contains a
    /// needle (or the filter lets everything through).
    pub fn may_match(&self, text: &[u8]) -> bool {
        let Some(matcher) = &self.matcher else {
            return true;
        };
        let glued = |i: Option<usize>| {
            i.and_then(|i| text.get(i))
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
        };
        // Overlapping, so `spawn` glued to `_blocking` still lets the
        // `spawn_blocking` found at the same place count.
        matcher
            .find_overlapping_iter(text)
            .any(|m| !glued(m.start().checked_sub(1)) && !glued(Some(m.end())))
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

/// Every word that lets a file through, sorted and deduplicated; `None` when
/// some enabled rule declares no trigger words (it can fire anywhere).
pub fn needles(config: &Config) -> Option<Vec<String>> {
    let mut words = vec![SUPPRESSION_WORD.to_string()];
    for enabled in config.enabled() {
        if enabled.lint.trigger_words.is_empty() {
            return None;
        }
        words.extend(enabled.lint.trigger_words.iter().map(|w| w.to_string()));
    }
    let defaults = LintOptions::default();
    let options = &config.options;
    for (configured, default) in [
        (&options.spawn_functions, &defaults.spawn_functions),
        (&options.guard_functions, &defaults.guard_functions),
    ] {
        for path in configured.iter().filter(|p| !default.contains(p)) {
            match last_segment(path) {
                Some(word) => words.push(word.to_string()),
                // A path without a name matches nothing we can search for.
                None => return None,
            }
        }
    }
    words.retain(|w| !w.is_empty());
    words.sort();
    words.dedup();
    Some(words)
}

/// `b` for `a::b`, `::a::b` or `b`; `None` for an empty path.
fn last_segment(path: &str) -> Option<&str> {
    path.rsplit("::").map(str::trim).find(|s| !s.is_empty())
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
            check: |_, _| Vec::new(),
        }
    }

    #[test]
    fn words_of_every_enabled_rule_and_suppressions() {
        let config = Config::default();
        let words = needles(&config).unwrap();
        for lint in LINTS {
            for word in lint.trigger_words {
                assert!(words.iter().any(|w| w == word), "{word} missing");
            }
        }
        assert!(words.iter().any(|w| w == SUPPRESSION_WORD));
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
    fn configured_paths_add_their_last_segment() {
        let mut config = Config::with_lints(&[stand_in(&["spawn"])]);
        config
            .options
            .spawn_functions
            .push("::my_rt::go_detached".into());
        config.options.guard_functions.push("Janitor::sweep".into());
        let words = needles(&config).unwrap();
        assert!(words.contains(&"go_detached".to_string()));
        assert!(words.contains(&"sweep".to_string()));
        // The defaults are the rules' business: `OnDrop::new` adds no `new`.
        assert!(!words.contains(&"new".to_string()));
    }
}
