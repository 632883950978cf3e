//! `--shard K/N`: lint one of N deterministic parts of the files.
//!
//! A file belongs to shard `fnv1a64(displayed path) % N + 1`. The hash is
//! FNV-1a over the `/`-separated displayed path, so the partition is the
//! same on every machine, run and Rust version (std's hasher is randomised),
//! and the N shards together lint every file exactly once. Parts of the tree
//! that could not be walked are reported by the shard their path hashes to.
//! `leaklint merge` ([`crate::merge`]) combines the shards' JSON reports;
//! each carries `"shard": {"k", "n", "run"}` ([`ShardInfo`]) so that `merge`
//! can refuse a shard given twice, shards of different runs and missing
//! shards.

use std::fmt;
use std::str::FromStr;

use crate::discover::Discovery;

/// One part of a partition: shard `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which shard, from 1 to `count`.
    pub index: u64,
    /// How many shards.
    pub count: u64,
}

impl Shard {
    /// Whether the file displayed as `path` belongs to this shard.
    pub fn contains(&self, path: &str) -> bool {
        fnv1a64(path.as_bytes()) % self.count == self.index - 1
    }

    /// Keeps only the files (and walk problems) of this shard.
    pub fn apply(&self, discovery: &mut Discovery) {
        discovery.files.retain(|f| self.contains(&f.display));
        discovery.problems.retain(|(path, _)| self.contains(path));
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let usage = || format!("`{s}` is not a shard: write K/N with 1 <= K <= N, e.g. 1/4");
        let (k, n) = s.split_once('/').ok_or_else(usage)?;
        let index: u64 = k.trim().parse().map_err(|_| usage())?;
        let count: u64 = n.trim().parse().map_err(|_| usage())?;
        if index == 0 || count == 0 || index > count {
            return Err(usage());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// The `shard` object of a shard's JSON report: `{"k": 2, "n": 4, "run": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ShardInfo {
    /// Which shard, from 1 to `n`.
    pub k: u64,
    /// How many shards.
    pub n: u64,
    /// An id shared by the shards of one run: a hash of every discovered
    /// file and its configuration, the configuration files and the rule
    /// settings of the command line.
    pub run: String,
}

/// A shard's JSON report: the report's keys, then `shard`.
#[derive(serde::Serialize)]
struct Sharded<'a> {
    #[serde(flatten)]
    report: crate::report::json::JsonReport<'a>,
    shard: &'a ShardInfo,
}

/// The JSON report of a shard, with its `shard` object last.
pub fn render_json(report: &crate::outcome::Report, shard: &ShardInfo) -> String {
    let sharded = Sharded {
        report: crate::report::json::to_json(report),
        shard,
    };
    let mut text = serde_json::to_string_pretty(&sharded).expect("serialising plain data to JSON");
    text.push('\n');
    text
}

/// The 64-bit FNV-1a hash of `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_k_of_n() {
        assert_eq!("2/3".parse(), Ok(Shard { index: 2, count: 3 }));
        for bad in ["0/3", "4/3", "1/0", "1", "a/b", "1/2/3", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn fnv_reference_values() {
        // From the FNV reference test vectors.
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn every_path_in_exactly_one_shard() {
        for n in 1..6 {
            for i in 0..200 {
                let path = format!("src/module_{i}/lib.rs");
                let owners = (1..=n)
                    .filter(|&k| Shard { index: k, count: n }.contains(&path))
                    .count();
                assert_eq!(owners, 1, "{path} in {n} shards");
            }
        }
    }
}
