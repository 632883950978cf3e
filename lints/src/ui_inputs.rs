//! Test support: runs a rule over its `ui-tests/<rule>/` inputs and checks
//! how many findings each file gets, until the driver's UI harness (which
//! compares the full output) covers the rule.

use crate::{FileContext, Lint, LintOptions};

/// Asserts that every input of `ui-tests/<lint>/` gets the expected number
/// of findings from `lint` (`ok_*` files none), and that `expected` names
/// every input.
pub fn assert_counts(lint: &Lint, expected: &[(&str, usize)]) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../ui-tests")
        .join(lint.name);
    let mut seen = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("ui-tests folder") {
        let path = entry.expect("dir entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let src = std::fs::read_to_string(&path).expect("readable input");
        let file = syn::parse_file(&src).unwrap_or_else(|e| panic!("{name}: {e}"));
        let ctx = FileContext::new(&file, &src);
        let found = (lint.check)(&ctx, &LintOptions::default());
        let want = expected
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("{name} has no expected count"))
            .1;
        let lines: Vec<usize> = found.iter().map(|f| f.span.start.line).collect();
        assert_eq!(found.len(), want, "{name}: findings at lines {lines:?}");
        if name.starts_with("ok_") {
            assert_eq!(want, 0, "{name} is a near-miss file");
        }
        seen.push(name);
    }
    assert_eq!(seen.len(), expected.len(), "inputs: {seen:?}");
}
