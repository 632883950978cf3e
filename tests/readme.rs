//! README's rule list is generated from the rules' own documentation (the
//! text `--explain` prints), so the two cannot drift apart. The list sits
//! between the `rules:start` and `rules:end` markers; `BLESS=1 cargo test
//! --test readme` rewrites it.

use leaklint_lints::LINTS;

const START: &str = "<!-- rules:start (generated from the rules' doc comments by tests/readme.rs; BLESS=1 cargo test --test readme) -->\n";
const END: &str = "<!-- rules:end -->\n";

/// The generated rule list: a summary table, then every rule's documentation
/// with its headings moved one level down.
fn rule_list() -> String {
    let mut out = String::from("| rule | default | finds |\n|---|---|---|\n");
    for lint in LINTS {
        out.push_str(&format!(
            "| [`{0}`](#{0}) | {1} | {2} |\n",
            lint.name,
            lint.default_level.as_str(),
            lint.summary
        ));
    }
    for lint in LINTS {
        out.push_str(&format!("\n### `{}`\n\n", lint.name));
        for line in lint.explain().lines() {
            match line.strip_prefix("### ") {
                Some(heading) => out.push_str(&format!("#### {heading}\n")),
                None => {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
    }
    out
}

#[test]
fn readme_rule_list_matches_the_rules_documentation() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md is readable");
    let start = readme
        .find(START)
        .expect("README.md has the rules:start marker")
        + START.len();
    let end = readme[start..]
        .find(END)
        .expect("README.md has the rules:end marker")
        + start;
    let expected = rule_list();
    if readme[start..end] == expected {
        return;
    }
    if std::env::var_os("BLESS").is_some() {
        let updated = format!("{}{}{}", &readme[..start], expected, &readme[end..]);
        std::fs::write(&path, updated).expect("README.md is writable");
        return;
    }
    panic!("README.md's rule list is out of date with the rules' doc comments; run `BLESS=1 cargo test --test readme`");
}
