//! Which words a file spells, kept small: a Bloom filter of its
//! identifiers.
//!
//! The crate pass loads the files of a crate that spell the names a finding
//! needs ([`crate::crate_load`]). A warm run knows from the cache which
//! files are unchanged; keeping each one's words as a filter lets it skip
//! the files that cannot spell a name without reading them. A filter may
//! say "maybe" for a word the file does not spell (then the file is read
//! and searched as before), never "no" for one it does.
//!
//! A word is a maximal run of identifier bytes (ASCII letters and digits,
//! `_`, and every byte of a non-ASCII character), as the crate's name
//! search delimits them: a file that spells `run` as a word has the run
//! `run` (`r#run` too: `#` ends a run).

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use xxhash_rust::xxh3::xxh3_64;

/// Bits per distinct word: with [`PROBES`] probes, about 1 % of absent
/// words read as present.
const BITS_PER_WORD: usize = 10;

/// Bits set (and tested) per word.
const PROBES: u64 = 4;

/// The words of one text (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordFilter {
    /// A multiple of 64 bits (at least 64): about [`BITS_PER_WORD`] per
    /// distinct word, not rounded up to a power of two, since a run's first
    /// cached scan keeps the filters of thousands of files at once.
    bits: Vec<u8>,
}

impl WordFilter {
    /// The filter of the words `text` spells.
    pub fn of(text: &[u8]) -> WordFilter {
        let hashes: HashSet<u64> = words(text).map(xxh3_64).collect();
        let len = (hashes.len() * BITS_PER_WORD).div_ceil(64).max(1) * 64;
        let mut filter = WordFilter {
            bits: vec![0; len / 8],
        };
        for hash in hashes {
            for bit in filter.probes(hash) {
                filter.bits[bit / 8] |= 1 << (bit % 8);
            }
        }
        filter
    }

    /// Whether the text may spell `word` as a word: `false` only if it
    /// does not. A `word` that is not one run of identifier bytes (or is
    /// empty) may be spelled anywhere: `true`.
    pub fn may_spell(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        if bytes.is_empty() || !bytes.iter().all(|&b| is_word_byte(b)) || self.bits.is_empty() {
            return true;
        }
        self.probes(xxh3_64(bytes))
            .all(|bit| self.bits[bit / 8] & (1 << (bit % 8)) != 0)
    }

    /// The bits of a word whose hash is `hash` (double hashing).
    fn probes(&self, hash: u64) -> impl Iterator<Item = usize> {
        let len = (self.bits.len() * 8) as u64;
        let (first, step) = (hash & 0xffff_ffff, (hash >> 32) | 1);
        (0..PROBES).map(move |i| (first.wrapping_add(i.wrapping_mul(step)) % len) as usize)
    }
}

/// Whether `b` is part of a word.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// The words of `text`, in order, repeats included.
fn words(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    text.split(|&b| !is_word_byte(b)).filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_of_the_text_may_be_spelled() {
        let text = "pub fn r#run(worker: &Worker) { worker.tick_42(); } // café";
        let filter = WordFilter::of(text.as_bytes());
        for word in [
            "pub", "fn", "r", "run", "worker", "Worker", "tick_42", "café",
        ] {
            assert!(filter.may_spell(word), "{word}");
        }
    }

    #[test]
    fn most_absent_words_are_not() {
        let text: String = (0..300).map(|i| format!("word{i} ")).collect();
        let filter = WordFilter::of(text.as_bytes());
        assert!((0..300).all(|i| filter.may_spell(&format!("word{i}"))));
        let false_hits = (0..10_000)
            .filter(|i| filter.may_spell(&format!("absent{i}")))
            .count();
        // About 1 % by design; a filter that answers "maybe" to everything
        // would fail here.
        assert!(false_hits < 400, "{false_hits} of 10000");
    }

    #[test]
    fn a_name_that_is_not_one_word_may_be_spelled_anywhere() {
        let filter = WordFilter::of(b"fn a() {}");
        assert!(filter.may_spell("thread::sleep"));
        assert!(filter.may_spell(""));
    }

    #[test]
    fn an_empty_text_spells_no_word() {
        let filter = WordFilter::of(b"");
        assert!(!filter.may_spell("run"));
    }
}
