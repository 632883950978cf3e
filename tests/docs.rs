//! `docs/rules/RULE.md` (one page per rule, linked from SARIF's `helpUri`,
//! JSON's `url` and `--explain`) is generated from the rules' doc comments,
//! so the pages cannot drift from `--explain`. `BLESS=1 cargo test --test
//! docs` rewrites them (and removes pages of rules that no longer exist).

use std::collections::BTreeMap;
use std::path::Path;

use leaklint::rules;

#[test]
fn rule_pages_match_the_rules_documentation() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules");
    let mut expected: BTreeMap<String, String> = rules::all()
        .map(|l| (format!("{}.md", l.name), rules::doc_page(l)))
        .collect();
    expected.insert("README.md".to_string(), rules::doc_index());
    let bless = std::env::var_os("BLESS").is_some();
    if bless {
        std::fs::create_dir_all(&dir).unwrap();
    }
    let mut stale = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("docs/rules exists") {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !expected.contains_key(&name) {
            stale.push(name);
        }
    }
    let mut wrong = Vec::new();
    for (name, text) in &expected {
        let path = dir.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            if bless {
                std::fs::write(&path, text).unwrap();
            } else {
                wrong.push(name.clone());
            }
        }
    }
    if bless {
        for name in &stale {
            std::fs::remove_file(dir.join(name)).unwrap();
        }
        return;
    }
    assert!(
        wrong.is_empty() && stale.is_empty(),
        "docs/rules is out of date with the rules' doc comments (differs: {wrong:?}, stale: {stale:?}); \
         run `BLESS=1 cargo test --test docs`"
    );
}

#[test]
fn every_page_is_linked_by_its_url() {
    for lint in rules::all() {
        let url = rules::url(lint);
        assert!(url.starts_with(rules::repository()), "{url}");
        assert!(
            url.ends_with(&format!("/docs/rules/{}.md", lint.name)),
            "{url}"
        );
    }
    let repository = rules::repository();
    assert!(repository.starts_with("https://"), "{repository}");
    assert!(!repository.ends_with('/'));
}
