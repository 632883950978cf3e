//! Notes that point into another file of the crate ("`run` is called here"
//! in spawner.rs, "this loop never ends…" in worker.rs), in every output
//! format, through `merge`, and in fingerprints.
//!
//! The report is built directly; its files are `tests/data/notes/src/*.rs`,
//! displayed relative to the package root, where cargo runs these tests.

mod common;

use leaklint::outcome::{Diagnostic, FileResult, Report};
use leaklint::report;
use leaklint_lints::{Finding, Level, Position, Span};

const SPAWNER: &str = "tests/data/notes/src/spawner.rs";
const WORKER: &str = "tests/data/notes/src/worker.rs";
const GONE: &str = "tests/data/notes/src/gone.rs";

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The span of the first `needle` in `text`.
fn span_of(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in the text"));
    let end = start + needle.len();
    let position = |byte| {
        let (line, column) = leaklint::text::line_column(text, byte);
        Position { line, column, byte }
    };
    Span {
        start: position(start),
        end: position(end),
    }
}

/// A report with one finding in spawner.rs: a note there, a note in
/// `other` (worker.rs, or a file that does not exist) at worker.rs's loop,
/// and a note without a location.
fn report_with_note_in(other: &str) -> Report {
    let spawner = read(SPAWNER);
    let worker = read(WORKER);
    let finding = Finding::new(
        "spawn_without_cancel",
        span_of(&spawner, "tokio::spawn(async move { worker.run().await })"),
        "spawned task loops forever and nothing can cancel it",
    )
    .note(span_of(&spawner, "worker.run()"), "`run` is called here")
    .note_in(
        other,
        span_of(&worker, "loop"),
        "this loop never ends and observes no cancellation",
    )
    .note_plain("the JoinHandle is dropped")
    .help("select on a CancellationToken in the loop, or keep the JoinHandle and abort it");
    let file = FileResult {
        source: Some(spawner),
        diagnostics: vec![Diagnostic {
            level: Level::Warn,
            finding,
        }],
        ..FileResult::new(SPAWNER)
    };
    Report::new(2, [file])
}

#[test]
fn json_note_names_the_other_file() {
    let text = report::json::render(&report_with_note_in(WORKER));
    let notes = r#"      "notes": [
        {
          "message": "`run` is called here",
          "file": "tests/data/notes/src/spawner.rs",
          "line": 2,
          "column": 31,
          "end_line": 2,
          "end_column": 43
        },
        {
          "message": "this loop never ends and observes no cancellation",
          "file": "tests/data/notes/src/worker.rs",
          "line": 5,
          "column": 17,
          "end_line": 5,
          "end_column": 21
        },
        {
          "message": "the JoinHandle is dropped"
        }
      ],"#;
    assert!(text.contains(notes), "{text}");
    // The contract's key order holds for every note.
    let orders = common::key_orders(&text);
    assert!(orders.contains(&common::NOTE_KEYS.iter().map(|k| k.to_string()).collect()));
}

#[test]
fn sarif_related_location_in_the_other_artifact() {
    let sarif = report::sarif::to_sarif(&report_with_note_in(WORKER));
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        SPAWNER
    );
    assert_eq!(
        result["relatedLocations"],
        serde_json::json!([
            {
                "id": 0,
                "physicalLocation": {
                    "artifactLocation": { "uri": SPAWNER },
                    "region": { "startLine": 2, "startColumn": 31, "endLine": 2, "endColumn": 43 },
                },
                "message": { "text": "`run` is called here" },
            },
            {
                "id": 1,
                "physicalLocation": {
                    "artifactLocation": { "uri": WORKER },
                    "region": { "startLine": 5, "startColumn": 17, "endLine": 5, "endColumn": 21 },
                },
                "message": { "text": "this loop never ends and observes no cancellation" },
            },
        ])
    );
}

#[test]
fn human_shows_the_other_files_code_under_its_own_header() {
    let text = report::human::render_explained(&report_with_note_in(WORKER), false);
    assert_eq!(
        text,
        "\
warning[spawn_without_cancel]: spawned task loops forever and nothing can cancel it
  --> tests/data/notes/src/spawner.rs:2:5
  |
2 |     tokio::spawn(async move { worker.run().await });
  |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  |                               |
  |                               `run` is called here
  |
  --> tests/data/notes/src/worker.rs:5:17
  |
5 |         /* é */ loop {
  |                 ---- this loop never ends and observes no cancellation
  |
  = note: the JoinHandle is dropped
  = help: select on a CancellationToken in the loop, or keep the JoinHandle and abort it
  = note: see `leaklint --explain spawn_without_cancel`

"
    );
}

#[test]
fn human_degrades_to_a_located_note_when_the_other_file_is_missing() {
    assert!(!std::path::Path::new(GONE).exists());
    let text = report::human::render_explained(&report_with_note_in(GONE), false);
    assert_eq!(
        text,
        "\
warning[spawn_without_cancel]: spawned task loops forever and nothing can cancel it
  --> tests/data/notes/src/spawner.rs:2:5
  |
2 |     tokio::spawn(async move { worker.run().await });
  |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  |                               |
  |                               `run` is called here
  |
  = note: tests/data/notes/src/gone.rs:5:17: this loop never ends and observes no cancellation
  = note: the JoinHandle is dropped
  = help: select on a CancellationToken in the loop, or keep the JoinHandle and abort it
  = note: see `leaklint --explain spawn_without_cancel`

"
    );
}

#[test]
fn cargo_json_note_in_another_file_is_a_child_with_its_own_span() {
    let report = report_with_note_in(WORKER);
    let text = report::cargo_json::render(&report);
    let value: serde_json::Value = serde_json::from_str(text.trim_end()).unwrap();
    // The same-file note stays a secondary span of the diagnostic.
    let spans = value["spans"].as_array().unwrap();
    assert_eq!(spans.len(), 2);
    assert_eq!(spans[1]["file_name"], SPAWNER);
    assert_eq!(spans[1]["is_primary"], false);
    assert_eq!(spans[1]["label"], "`run` is called here");
    let worker = read(WORKER);
    let byte = worker.find("loop").unwrap();
    assert_eq!(
        value["children"],
        serde_json::json!([
            {
                "message": "this loop never ends and observes no cancellation",
                "code": null, "level": "note",
                "spans": [{
                    "file_name": WORKER,
                    "byte_start": byte, "byte_end": byte + 4,
                    "line_start": 5, "line_end": 5,
                    "column_start": 17, "column_end": 21,
                    "is_primary": true,
                    "text": [{ "text": "        /* é */ loop {", "highlight_start": 17, "highlight_end": 21 }],
                    "label": null,
                    "suggested_replacement": null, "suggestion_applicability": null,
                    "expansion": null,
                }],
                "children": [], "rendered": null,
            },
            {
                "message": "the JoinHandle is dropped",
                "code": null, "level": "note", "spans": [], "children": [], "rendered": null,
            },
            {
                "message": "select on a CancellationToken in the loop, or keep the JoinHandle and abort it",
                "code": null, "level": "help", "spans": [], "children": [], "rendered": null,
            },
        ])
    );
    // `rendered` is the human text, the other file's snippet included.
    let human = report::human::render(&report, false);
    assert_eq!(value["rendered"], human.as_str());
    assert!(human.contains("  --> tests/data/notes/src/worker.rs:5:17\n"));
    // And it is rustc's diagnostic format, as cargo_metadata reads it.
    let parsed: cargo_metadata::diagnostic::Diagnostic =
        serde_json::from_str(text.trim_end()).unwrap();
    assert_eq!(parsed.children[0].spans[0].file_name, WORKER);
}

#[test]
fn cargo_json_note_into_a_missing_file_keeps_its_location() {
    let text = report::cargo_json::render(&report_with_note_in(GONE));
    let value: serde_json::Value = serde_json::from_str(text.trim_end()).unwrap();
    let span = &value["children"][0]["spans"][0];
    assert_eq!(span["file_name"], GONE);
    assert_eq!(
        (&span["line_start"], &span["column_start"]),
        (&5.into(), &17.into())
    );
    assert_eq!(span["text"], serde_json::json!([]));
}

#[test]
fn github_note_in_another_file_says_where() {
    let text = report::github::render(&report_with_note_in(WORKER));
    let first = text.lines().next().unwrap();
    assert_eq!(
        first,
        "::warning file=tests/data/notes/src/spawner.rs,line=2,col=5,endLine=2,endColumn=52,\
         title=leaklint (spawn_without_cancel)::spawned task loops forever and nothing can cancel it\
         %0Anote: `run` is called here\
         %0Anote: tests/data/notes/src/worker.rs:5:17: this loop never ends and observes no cancellation\
         %0Anote: the JoinHandle is dropped\
         %0Ahelp: select on a CancellationToken in the loop, or keep the JoinHandle and abort it"
    );
}

#[test]
fn merge_keeps_the_notes_files_and_locations() {
    let original = report_with_note_in(WORKER);
    let json = report::json::render(&original);
    let mut merged = leaklint::merge::merge_texts([("report.json", json.as_str())]).unwrap();
    // Merged, the JSON is the same, and the notes have their files back.
    assert_eq!(report::json::render(&merged), json);
    let notes = &merged.files[0].diagnostics[0].finding.notes;
    let files: Vec<Option<&str>> = notes.iter().map(|n| n.file.as_deref()).collect();
    assert_eq!(files, [None, Some(WORKER), None]);
    // With the code read again, every span, byte offsets included, is the
    // run's: the human output and SARIF are the unsharded run's.
    leaklint::merge::attach_sources(&mut merged, std::path::Path::new("."));
    assert_eq!(merged, original);
    assert_eq!(
        report::human::render_explained(&merged, false),
        report::human::render_explained(&original, false)
    );
}

#[test]
fn merge_command_shows_the_other_files_code() {
    let original = report_with_note_in(WORKER);
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("report.json");
    std::fs::write(&json, report::json::render(&original)).unwrap();
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let json = json.to_str().unwrap();
    let out = common::leaklint(here, &["merge", "--allow-partial", json]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout,
        format!(
            "{}{}\n",
            report::human::render_explained(&original, false),
            report::human::summary(&original)
        )
    );
    let out = common::leaklint(
        here,
        &["merge", "--allow-partial", "--format", "sarif", json],
    );
    let merged: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(merged, report::sarif::to_sarif(&original));
}

#[test]
fn a_notes_file_leaves_the_fingerprint_alone() {
    let with_other = report_with_note_in(WORKER);
    let file = &with_other.files[0];
    let mut bare = file.clone();
    bare.diagnostics[0].finding.notes.clear();
    let mut same_file = file.clone();
    same_file.diagnostics[0].finding.notes[1].file = None;
    let print = leaklint::fingerprint::of_file(file);
    assert_eq!(print, leaklint::fingerprint::of_file(&bare));
    assert_eq!(print, leaklint::fingerprint::of_file(&same_file));
    // So a baseline of the run matches it.
    let baseline = leaklint::baseline::of_report(&with_other);
    let mut again = report_with_note_in(GONE);
    assert_eq!(leaklint::baseline::apply(&mut again, &baseline), 0);
    assert_eq!(again.diagnostic_count(), 0);
}

#[test]
fn human_takes_the_other_files_text_from_the_report_when_it_has_it() {
    // A file with findings of its own travels in the report: its text is
    // used even where the disk has none (a report rendered elsewhere).
    let mut report = report_with_note_in(GONE);
    let mut gone = FileResult {
        source: Some(read(WORKER)),
        ..FileResult::new(GONE)
    };
    gone.diagnostics.push(Diagnostic {
        level: Level::Deny,
        finding: Finding::new(
            "busy_poll_loop",
            span_of(&read(WORKER), "self.step()"),
            "a step",
        ),
    });
    report.files.insert(0, gone);
    let text = report::human::render(&report, false);
    assert!(
        text.ends_with(
            "  --> tests/data/notes/src/gone.rs:5:17
  |
5 |         /* é */ loop {
  |                 ---- this loop never ends and observes no cancellation
  |
  = note: the JoinHandle is dropped
  = help: select on a CancellationToken in the loop, or keep the JoinHandle and abort it

"
        ),
        "{text}"
    );
}

/// The files of a note in another file of the crate, run by `leaklint
/// --format json PATH` from `cwd`.
fn note_files_when_linting(cwd: &std::path::Path, path: &str) -> Vec<(String, Vec<String>)> {
    let out = common::leaklint(cwd, &["--format", "json", "--no-cache", path]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let notes = (d["notes"].as_array().unwrap().iter())
                .filter_map(|n| n["file"].as_str().map(str::to_string))
                .collect();
            (d["file"].as_str().unwrap().to_string(), notes)
        })
        .collect()
}

#[test]
fn notes_in_other_files_are_spelled_as_the_linted_path_is() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("svc");
    std::fs::create_dir_all(root.join("src")).unwrap();
    std::fs::write(
        root.join("Cargo.toml"),
        "[package]\nname = \"svc\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    )
    .unwrap();
    std::fs::write(
        root.join("src/lib.rs"),
        "pub mod spawner;\npub async fn pump() {\n    loop {\n        tick().await;\n    }\n}\nasync fn tick() {}\n",
    )
    .unwrap();
    std::fs::write(
        root.join("src/spawner.rs"),
        "pub fn start() {\n    tokio::spawn(crate::pump());\n}\n",
    )
    .unwrap();
    let absolute = root.join("src/spawner.rs");
    let absolute = absolute.to_str().unwrap();
    let lib = root.join("src/lib.rs");
    let cases = [
        // From the package, by a relative path.
        (
            root.clone(),
            "src/spawner.rs",
            "src/spawner.rs",
            "src/lib.rs".to_string(),
        ),
        // From above it: the other file below the same directory.
        (
            dir.path().to_path_buf(),
            "svc/src/spawner.rs",
            "svc/src/spawner.rs",
            "svc/src/lib.rs".to_string(),
        ),
        // By an absolute path: the other file absolute too.
        (
            dir.path().to_path_buf(),
            absolute,
            absolute,
            lib.to_str().unwrap().to_string(),
        ),
    ];
    for (cwd, path, shown, other) in cases {
        let found = note_files_when_linting(&cwd, path);
        assert_eq!(found.len(), 1, "{path}: {found:?}");
        let (file, notes) = &found[0];
        assert_eq!(file, shown, "{path}");
        assert!(
            notes.contains(&other),
            "{path}: notes in {notes:?}, expected {other}"
        );
        assert!(
            notes.iter().all(|n| n == shown || n == &other),
            "{path}: {notes:?}"
        );
    }
}
