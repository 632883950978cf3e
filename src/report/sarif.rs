//! SARIF 2.1.0, as GitHub code scanning accepts it.
//!
//! Every rule is listed in `tool.driver.rules` (so `ruleIndex` is stable
//! whatever was found); each finding is a result with one physical location
//! whose `uri` is the file relative to the working directory, `/`-separated,
//! and notes that point at code as `relatedLocations` (in another file's
//! `uri` for a note that points there); the other notes and the help are
//! lines of the result's message.
//! Columns count Unicode code points and `endColumn` is exclusive. Files
//! that could not be checked are tool execution notifications.

use serde_json::{json, Value};

use crate::fingerprint;
use crate::outcome::Report;
use crate::rules;

/// The `$schema` of the output.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where leaklint's documentation lives.
pub const INFORMATION_URI: &str = "https://crates.io/crates/leaklint";

/// The report as a SARIF log.
pub fn to_sarif(report: &Report) -> Value {
    let all: Vec<_> = rules::all().collect();
    let rule_objects: Vec<Value> = all
        .iter()
        .map(|lint| {
            let explain = lint.explain();
            json!({
                "id": lint.name,
                "name": lint.name,
                "shortDescription": { "text": lint.summary },
                "fullDescription": { "text": what_it_does(&explain).unwrap_or(lint.summary) },
                "help": { "text": explain },
                "helpUri": rules::url(lint),
                "defaultConfiguration": { "level": level_name(lint.default_level) },
            })
        })
        .collect();

    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for file in &report.files {
        let uri = uri(&file.path);
        let prints = fingerprint::of_file(file);
        for (d, print) in file.diagnostics.iter().zip(prints) {
            let f = &d.finding;
            let index = all.iter().position(|l| l.name == f.rule);
            let mut text = f.message.clone();
            // Notes that point nowhere are said in the text, as the human
            // output says them (`= note: …`).
            for note in f.notes.iter().filter(|n| n.span.is_none()) {
                text.push_str(&format!("\nnote: {}", note.message));
            }
            if let Some(help) = &f.help {
                text.push_str(&format!("\nhelp: {help}"));
            }
            let related: Vec<Value> = f
                .notes
                .iter()
                .filter_map(|n| n.span.map(|s| (n, s)))
                .enumerate()
                .map(|(i, (note, span))| {
                    let uri = match &note.file {
                        Some(other) => self::uri(other),
                        None => uri.clone(),
                    };
                    json!({
                        "id": i,
                        "physicalLocation": physical(&uri, span),
                        "message": { "text": note.message },
                    })
                })
                .collect();
            let mut result = json!({
                "ruleId": f.rule,
                "level": d.severity(),
                "message": { "text": text },
                "locations": [{ "physicalLocation": physical(&uri, f.span) }],
                "partialFingerprints": { "primaryLocationLineHash": print },
            });
            if let Some(index) = index {
                result["ruleIndex"] = json!(index);
            }
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            results.push(result);
        }
        for e in &file.errors {
            let mut location = json!({ "artifactLocation": { "uri": uri } });
            if let (Some(line), Some(column)) = (e.line, e.column) {
                location["region"] = json!({ "startLine": line, "startColumn": column });
            }
            notifications.push(json!({
                "level": "error",
                "message": { "text": e.message },
                "locations": [{ "physicalLocation": location }],
            }));
        }
    }

    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "leaklint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": INFORMATION_URI,
                "rules": rule_objects,
            }},
            "invocations": [{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// The report as pretty-printed SARIF text, with a final newline.
pub fn render(report: &Report) -> String {
    let mut text =
        serde_json::to_string_pretty(&to_sarif(report)).expect("serialising plain data to JSON");
    text.push('\n');
    text
}

fn physical(uri: &str, span: leaklint_lints::Span) -> Value {
    json!({
        "artifactLocation": { "uri": uri },
        "region": {
            "startLine": span.start.line,
            "startColumn": span.start.column,
            "endLine": span.end.line,
            "endColumn": span.end.column,
        },
    })
}

fn level_name(level: leaklint_lints::Level) -> &'static str {
    match level {
        leaklint_lints::Level::Allow => "none",
        leaklint_lints::Level::Warn => "warning",
        leaklint_lints::Level::Deny => "error",
    }
}

/// The text of the `### What it does` section of a rule's documentation.
fn what_it_does(explain: &str) -> Option<&str> {
    let start = explain.find("### What it does")? + "### What it does".len();
    let rest = &explain[start..];
    let end = rest.find("\n###").unwrap_or(rest.len());
    Some(rest[..end].trim()).filter(|s| !s.is_empty())
}

/// A displayed path as a relative URI reference: absolute paths inside the
/// working directory are made relative to it, others become `file://` URIs;
/// characters that may not appear in a URI are percent-encoded.
pub fn uri(path: &str) -> String {
    let p = std::path::Path::new(path);
    if p.is_absolute() {
        let cwd = std::env::current_dir()
            .ok()
            .and_then(|c| std::fs::canonicalize(c).ok());
        let canonical = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        match cwd.as_deref().and_then(|c| canonical.strip_prefix(c).ok()) {
            Some(rel) => encode(&crate::discover::display_path(rel)),
            None => format!("file://{}", encode(path)),
        }
    } else {
        encode(path)
    }
}

fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
