//! "Did you mean …?": the closest valid name to a misspelt one.

/// The candidate closest to `name` by edit distance, if it is close enough
/// to be a plausible misspelling (at most a third of the name's length, and
/// at least 1, edits away), or if one contains the other.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (distance(name, c), c))
        .filter(|&(d, c)| d <= limit || (name.len() >= 4 && (c.contains(name) || name.contains(c))))
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// ` (did you mean `x`?)` or, when nothing is close, ` (expected one of: a, b)`.
pub fn hint(name: &str, candidates: &[&str]) -> String {
    match closest(name, candidates.iter().copied()) {
        Some(c) => format!("; did you mean `{c}`?"),
        None => format!("; expected one of: {}", candidates.join(", ")),
    }
}

/// Edit distance in characters, counting a swap of two neighbours as one
/// edit (optimal string alignment).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j - 1] + cost)
                .min(d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let names = ["include", "exclude", "rules", "options"];
        assert_eq!(closest("exlude", names), Some("exclude"));
        assert_eq!(closest("rule", names), Some("rules"));
        assert_eq!(closest("zzz", names), None);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(closest("dney", ["allow", "warn", "deny"]), Some("deny"));
    }
}
