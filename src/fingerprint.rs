//! Fingerprints of findings that survive unrelated edits: the rule, a hash
//! of the flagged source text with all whitespace removed, and an occurrence
//! index among the file's findings with the same rule and hash. Line numbers
//! play no part, so code moving up or down, or being re-indented, keeps them.

use crate::outcome::FileResult;

/// The fingerprint of each diagnostic of `file`, in order, as
/// `"<16 hex digits>:<occurrence>"`.
pub fn of_file(file: &FileResult) -> Vec<String> {
    let source = file.source.as_deref().unwrap_or("");
    let mut seen: Vec<(&str, u64)> = Vec::new();
    file.diagnostics
        .iter()
        .map(|d| {
            let f = &d.finding;
            let hash = hash(
                f.rule,
                flagged_text(source, f.span.start.byte, f.span.end.byte),
            );
            let occurrence = seen.iter().filter(|&&s| s == (f.rule, hash)).count();
            seen.push((f.rule, hash));
            format!("{hash:016x}:{occurrence}")
        })
        .collect()
}

fn flagged_text(source: &str, start: usize, end: usize) -> &str {
    let end = end.min(source.len());
    source.get(start.min(end)..end).unwrap_or("")
}

/// 64-bit FNV-1a of the rule, a separator and the non-whitespace characters
/// of `text`: stable across platforms and releases.
fn hash(rule: &str, text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    rule.bytes().for_each(&mut feed);
    feed(0);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        let mut buf = [0; 4];
        c.encode_utf8(&mut buf).bytes().for_each(&mut feed);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_does_not_matter_but_text_and_rule_do() {
        assert_eq!(hash("r", "f(a,  b)\n"), hash("r", "f( a, b )"));
        assert_ne!(hash("r", "f(a, b)"), hash("r", "f(a, c)"));
        assert_ne!(hash("r", "x"), hash("s", "x"));
        assert_eq!(hash("", ""), 0xaf63_bd4c_8601_b7df);
    }
}
