//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// The keys of every JSON object in document order (serde_json's `Value`
/// sorts them, so the order is read with a visitor of our own).
struct KeyOrder<'a>(&'a mut Vec<Vec<String>>);

impl<'de> DeserializeSeed<'de> for KeyOrder<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeyOrder<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let index = self.0.len();
        self.0.push(Vec::new());
        while let Some(key) = map.next_key::<String>()? {
            self.0[index].push(key);
            map.next_value_seed(KeyOrder(self.0))?;
        }
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(KeyOrder(self.0))?.is_some() {}
        Ok(())
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

/// Runs the leaklint binary with `args` in `dir`.
///
/// The run does not depend on the environment of the tests: the thread count
/// is not inherited (`RAYON_NUM_THREADS`: one thread per CPU unless `args`
/// say otherwise), nor is `NO_COLOR` (output is piped, so `--color auto`
/// does not colour it; `--color always` does).
pub fn leaklint(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_leaklint"))
        .args(args)
        .current_dir(dir)
        .env_remove("RAYON_NUM_THREADS")
        .env_remove("NO_COLOR")
        .output()
        .expect("leaklint runs")
}

pub fn key_orders(text: &str) -> Vec<Vec<String>> {
    let mut orders = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    KeyOrder(&mut orders).deserialize(&mut de).unwrap();
    orders
}

pub const TOP_KEYS: [&str; 7] = [
    "version",
    "tool",
    "files_scanned",
    "test_files",
    "diagnostics",
    "errors",
    "skipped",
];
pub const DIAGNOSTIC_KEYS: [&str; 11] = [
    "rule",
    "severity",
    "message",
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "notes",
    "help",
    "url",
];
pub const ERROR_KEYS: [&str; 4] = ["file", "message", "line", "column"];
pub const NOTE_KEYS: [&str; 6] = [
    "message",
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
];
pub const SKIPPED_KEYS: [&str; 2] = ["file", "reason"];

/// Checks the contract's shape: key order of every object and every type.
pub fn assert_contract_shape(text: &str) {
    let value: Value = serde_json::from_str(text).unwrap();
    let orders = key_orders(text);
    assert_eq!(orders[0], TOP_KEYS);
    assert_eq!(orders[1], ["name", "version"]);
    for keys in &orders[2..] {
        assert!(
            keys == &DIAGNOSTIC_KEYS
                || keys == &ERROR_KEYS
                || keys == &NOTE_KEYS
                || keys == &["message"]
                || keys == &SKIPPED_KEYS,
            "unexpected object keys {keys:?}"
        );
    }

    assert_eq!(value["version"], 2);
    assert!(value["test_files"].is_u64());
    for s in value["skipped"].as_array().unwrap() {
        assert!(s["file"].is_string() && s["reason"].is_string(), "{s}");
    }
    assert_eq!(value["tool"]["name"], "leaklint");
    assert_eq!(value["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert!(value["files_scanned"].is_u64());
    for d in value["diagnostics"].as_array().unwrap() {
        assert!(d["rule"].is_string());
        assert!(d["severity"] == "warning" || d["severity"] == "error");
        assert!(d["message"].is_string());
        assert!(d["file"].is_string());
        for key in ["line", "column", "end_line", "end_column"] {
            assert!(d[key].as_u64().is_some_and(|n| n >= 1), "{key} in {d}");
        }
        for note in d["notes"].as_array().unwrap() {
            assert!(note["message"].is_string(), "{note}");
            if note.get("line").is_some() {
                assert_eq!(note["file"], d["file"], "{note}");
                for key in ["line", "column", "end_line", "end_column"] {
                    assert!(
                        note[key].as_u64().is_some_and(|n| n >= 1),
                        "{key} in {note}"
                    );
                }
            }
        }
        assert!(d["help"].is_string() || d["help"].is_null());
        let url = d["url"].as_str().unwrap();
        assert!(
            url.ends_with(&format!("/docs/rules/{}.md", d["rule"].as_str().unwrap())),
            "{url}"
        );
    }
    for e in value["errors"].as_array().unwrap() {
        assert!(e["file"].is_string());
        assert!(e["message"].is_string());
        assert!(e["line"].is_u64() || e["line"].is_null());
        assert!(e["column"].is_u64() || e["column"].is_null());
    }
}

/// The findings a UI case's text expects, from its `//~ rule_name …`
/// comments (on the line where each finding starts), as (line, rule), in
/// the order written.
pub fn marked_findings(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| Some((i + 1, line.split_once("//~")?.1)))
        .flat_map(|(n, rules)| rules.split_whitespace().map(move |r| (n, r.to_string())))
        .collect()
}

/// A manifest that is not TOML: its inline table is not closed.
pub const BROKEN_MANIFEST: &str =
    "[package]\nname = \"svc\"\nversion = \"0.1.0\"\n\n[dependencies]\ntokio = { version = \"1\"\n";

/// `BROKEN_MANIFEST`, mended.
pub fn mended_manifest() -> String {
    BROKEN_MANIFEST.replace("\"1\"\n", "\"1\" }\n")
}

/// Asserts that `stderr` is the one warning naming a manifest that is not
/// TOML.
pub fn assert_broken_manifest_warning(stderr: &str) {
    assert!(
        stderr.starts_with("warning: cannot read ")
            && stderr.contains("Cargo.toml as TOML (")
            && stderr.contains("fix the manifest"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}
