//! Finding a few names in file texts: which files may call, define or
//! mention the fns the crate pass follows (see `crate_load`).
//!
//! The names are short identifiers of common letters (`run`, `spawn`,
//! `park`), where one Aho-Corasick automaton over all of them crawls (its
//! prefilter's "rare" bytes are everywhere in Rust source): a few names are
//! searched one by one with `memchr::memmem` instead, each stopping at its
//! first occurrence that counts. Many names share one automaton.

use std::collections::BTreeSet;

use aho_corasick::AhoCorasick;
use memchr::memmem;

/// Up to this many names are searched one by one.
const MAX_SEPARATE_NAMES: usize = 16;

/// How a text must spell a name for it to count.
#[derive(Clone, Copy, Debug)]
pub enum Spelling {
    /// As a word anywhere.
    Mention,
    /// As a word right after `fn`.
    Definition,
    /// As a word right after `struct`.
    StructDefinition,
    /// Anywhere, even inside a longer word (`thread::sleep`, `fs::{`).
    Anywhere,
}

/// Names to look for in texts.
#[derive(Debug)]
pub enum NameSearch {
    /// Few names: one searcher each.
    Separate(Vec<memmem::Finder<'static>>),
    /// Many names: one automaton, all occurrences (overlapping, so that a
    /// name inside another's occurrence is seen too).
    Together(AhoCorasick),
}

impl NameSearch {
    /// A search for `names`; `None` if the automaton cannot be built (too
    /// many or too long names), when callers must assume any text spells
    /// them.
    pub fn new<N: AsRef<[u8]>>(names: &[N]) -> Option<NameSearch> {
        if names.len() <= MAX_SEPARATE_NAMES {
            let finders = names
                .iter()
                .map(|n| memmem::Finder::new(n.as_ref()).into_owned())
                .collect();
            return Some(NameSearch::Separate(finders));
        }
        AhoCorasick::new(names).ok().map(NameSearch::Together)
    }

    /// The indices of the names that `text` spells as `spelling` says.
    pub fn spelled(&self, text: &[u8], spelling: Spelling) -> BTreeSet<usize> {
        let counts = |start: usize, end: usize| counts(text, start, end, spelling);
        match self {
            NameSearch::Separate(finders) => finders
                .iter()
                .enumerate()
                .filter(|(_, finder)| {
                    let len = finder.needle().len();
                    finder
                        .find_iter(text)
                        .any(|start| counts(start, start + len))
                })
                .map(|(i, _)| i)
                .collect(),
            NameSearch::Together(words) => words
                .find_overlapping_iter(text)
                .filter(|m| counts(m.start(), m.end()))
                .map(|m| m.pattern().as_usize())
                .collect(),
        }
    }

    /// Whether `text` spells any of the names as `spelling` says.
    pub fn any_spelled(&self, text: &[u8], spelling: Spelling) -> bool {
        match self {
            NameSearch::Separate(finders) => finders.iter().any(|finder| {
                let len = finder.needle().len();
                finder
                    .find_iter(text)
                    .any(|start| counts(text, start, start + len, spelling))
            }),
            NameSearch::Together(_) => !self.spelled(text, spelling).is_empty(),
        }
    }
}

/// Whether the occurrence `text[start..end]` of a name counts as
/// `spelling` says: as a word (not part of a longer identifier), and for a
/// definition right after `fn` / `struct` (`fn name`, `fn r#name`).
fn counts(text: &[u8], start: usize, end: usize, spelling: Spelling) -> bool {
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    let word = || {
        let before = start.checked_sub(1).map(|i| text[i]);
        !before.is_some_and(ident) && !text.get(end).is_some_and(|&b| ident(b))
    };
    let after = |keyword: &[u8]| {
        let before = text[..start].trim_ascii_end();
        let before = before
            .strip_suffix(b"r#")
            .unwrap_or(before)
            .trim_ascii_end();
        before.ends_with(keyword)
            && (before.len() == keyword.len() || !ident(before[before.len() - keyword.len() - 1]))
    };
    match spelling {
        Spelling::Anywhere => true,
        Spelling::Mention => word(),
        Spelling::Definition => word() && after(b"fn"),
        Spelling::StructDefinition => word() && after(b"struct"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(names: &[&str]) -> [NameSearch; 2] {
        [
            NameSearch::new(names).unwrap(),
            NameSearch::Together(AhoCorasick::new(names).unwrap()),
        ]
    }

    #[test]
    fn words_only_as_whole_identifiers() {
        for search in both(&["run", "run_all", "spawn"]) {
            let text = b"fn x() { rerun(); run_all(); my_spawn(); }";
            assert_eq!(search.spelled(text, Spelling::Mention), [1].into());
            assert!(search.any_spelled(text, Spelling::Mention));
            let text = b"self.run(); spawn_x";
            assert_eq!(search.spelled(text, Spelling::Mention), [0].into());
            assert!(!search.any_spelled(b"running spawned", Spelling::Mention));
        }
    }

    #[test]
    fn a_later_occurrence_counts_when_the_first_does_not() {
        for search in both(&["park"]) {
            let text = b"parking(); unpark(); fn park() {}";
            assert_eq!(search.spelled(text, Spelling::Mention), [0].into());
            assert_eq!(search.spelled(text, Spelling::Definition), [0].into());
        }
    }

    #[test]
    fn definitions_after_fn_or_struct() {
        for search in both(&["run", "Worker"]) {
            let text = b"pub fn r#run() {} struct Worker; defn run";
            assert_eq!(search.spelled(text, Spelling::Definition), [0].into());
            assert_eq!(search.spelled(text, Spelling::StructDefinition), [1].into());
            assert!(search
                .spelled(b"x.run(); Worker::new()", Spelling::Definition)
                .is_empty());
        }
    }

    #[test]
    fn anywhere_inside_longer_words() {
        for search in both(&["thread::sleep", "fs::"]) {
            let text = b"std::thread::sleep(d); tokio_fs::read";
            assert_eq!(search.spelled(text, Spelling::Anywhere), [0, 1].into());
        }
    }

    #[test]
    fn many_names_share_one_automaton() {
        let names: Vec<String> = (0..40).map(|i| format!("name{i}")).collect();
        let search = NameSearch::new(&names).unwrap();
        assert!(matches!(search, NameSearch::Together(_)));
        assert_eq!(
            search.spelled(b"name3(); name39", Spelling::Mention),
            [3, 39].into()
        );
        assert!(search.spelled(b"name400", Spelling::Mention).is_empty());
    }
}
