//! `Cargo.toml` files parsed once per run.
//!
//! A run reads the same manifest for its package's name, its workspace and
//! dev-dependencies, its targets and its configuration, from several
//! modules; parsing an 18 KiB manifest takes longer than reading a hundred
//! files' stamps. [`with_toml`] parses each distinct text once and keeps
//! it for the process, up to [`MAX_KEPT_BYTES`] of text (a small run's
//! manifests; in a run over hundreds of crates the rest are parsed each
//! time, not to hold them all).

use std::collections::HashMap;
use std::sync::Mutex;

use toml::de::DeTable;
use toml::Spanned;

/// The most text, in bytes, whose parse is kept.
const MAX_KEPT_BYTES: usize = 512 << 10;

/// Parses kept for the process, by text.
struct Kept {
    by_text: HashMap<&'static str, &'static Spanned<DeTable<'static>>>,
    bytes: usize,
}

static KEPT: Mutex<Option<Kept>> = Mutex::new(None);

/// Parses `text` as TOML (once per distinct text, see the module
/// documentation) and gives its top-level table to `read`.
pub fn with_toml<T>(
    text: &str,
    read: impl FnOnce(&DeTable<'_>) -> T,
) -> Result<T, toml::de::Error> {
    let lock = || KEPT.lock().unwrap_or_else(|e| e.into_inner());
    let (known, room) = {
        let kept = lock();
        let known = kept.as_ref().and_then(|k| k.by_text.get(text).copied());
        let used = kept.as_ref().map_or(0, |k| k.bytes);
        (known, used + text.len() <= MAX_KEPT_BYTES)
    };
    if let Some(doc) = known {
        return Ok(read(doc.get_ref()));
    }
    if !room {
        return Ok(read(DeTable::parse(text)?.get_ref()));
    }
    // Kept for the rest of the process: the text and its table live as
    // long as the map that holds them, which is never emptied. The text of
    // a malformed manifest stays too, and counts against the bound.
    let text: &'static str = Box::leak(Box::from(text));
    let parsed = DeTable::parse(text);
    let doc = {
        let mut kept = lock();
        let kept = kept.get_or_insert_with(|| Kept {
            by_text: HashMap::new(),
            bytes: 0,
        });
        kept.bytes += text.len();
        let doc: &'static Spanned<DeTable<'static>> = Box::leak(Box::new(parsed?));
        kept.by_text.insert(text, doc);
        doc
    };
    Ok(read(doc.get_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(doc: &DeTable<'_>) -> Option<String> {
        let package = doc.get("package")?.get_ref().as_table()?;
        Some(package.get("name")?.get_ref().as_str()?.to_string())
    }

    #[test]
    fn the_same_text_gives_the_same_table() {
        let text = "[package]\nname = \"kept-once\"\n";
        assert_eq!(with_toml(text, name).unwrap(), Some("kept-once".into()));
        assert_eq!(with_toml(text, name).unwrap(), Some("kept-once".into()));
        let other = "[package]\nname = \"another\"\n";
        assert_eq!(with_toml(other, name).unwrap(), Some("another".into()));
    }

    #[test]
    fn a_malformed_text_is_an_error_each_time() {
        assert!(with_toml("[package\n", name).is_err());
        assert!(with_toml("[package\n", name).is_err());
    }
}
