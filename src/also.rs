//! `--also CMD`: run another checker (typically clippy with
//! `--message-format=json`) alongside leaklint and pass its standard output
//! through, so an editor that runs one check command sees both. The other
//! command's output is passed through even when leaklint itself fails (its
//! failure is then one diagnostic: [`failure_diagnostic`]).

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::thread::JoinHandle;

/// The other checker, running.
pub struct Also {
    command: String,
    child: Child,
    output: JoinHandle<std::io::Result<Vec<u8>>>,
}

/// Starts `command` through the shell (`sh -c`, or `cmd /C` on Windows),
/// its standard output captured and its standard error passed through.
pub fn start(command: &str) -> Result<Also, String> {
    let mut shell = if cfg!(windows) {
        let mut c = Command::new("cmd");
        c.arg("/C");
        c
    } else {
        let mut c = Command::new("sh");
        c.arg("-c");
        c
    };
    let mut child = shell
        .arg(command)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot run --also command `{command}`: {e}"))?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let output = std::thread::spawn(move || {
        let mut buf = Vec::new();
        stdout.read_to_end(&mut buf).map(|_| buf)
    });
    Ok(Also {
        command: command.to_string(),
        child,
        output,
    })
}

impl Also {
    /// Waits for the command; returns its standard output and whether it
    /// succeeded, or why it could not be waited for.
    pub fn finish(mut self) -> Result<(Vec<u8>, bool), String> {
        let output = self
            .output
            .join()
            .map_err(|_| "the --also reader thread panicked".to_string())?
            .map_err(|e| format!("cannot read the output of `{}`: {e}", self.command))?;
        let status = self
            .child
            .wait()
            .map_err(|e| format!("cannot wait for `{}`: {e}", self.command))?;
        Ok((output, status.success()))
    }

    /// The command as given.
    pub fn command(&self) -> &str {
        &self.command
    }
}

/// leaklint's own failure (a bad configuration file, an unknown rule, a
/// missing path) as one rustc-style JSON diagnostic, so that an editor
/// running `--format cargo-json --also …` shows it next to the other
/// command's diagnostics instead of losing both. It points at the
/// configuration file and line when the failure has one, else at the
/// `Cargo.toml` of the working directory (rust-analyzer shows only
/// diagnostics that have a location), else nowhere.
pub fn failure_diagnostic(failure: &crate::pipeline::Failure) -> String {
    let location = failure.1.clone().or_else(|| {
        std::path::Path::new("Cargo.toml")
            .is_file()
            .then(|| ("Cargo.toml".to_string(), 1))
    });
    let spans = match &location {
        Some((file, line)) => {
            let text = std::fs::read_to_string(file)
                .ok()
                .and_then(|t| t.lines().nth(line.saturating_sub(1)).map(str::to_string))
                .unwrap_or_default();
            let end = text.chars().count() + 1;
            vec![serde_json::json!({
                "file_name": file,
                "byte_start": 0, "byte_end": 0,
                "line_start": line, "line_end": line,
                "column_start": 1, "column_end": end,
                "is_primary": true,
                "text": [{ "text": text, "highlight_start": 1, "highlight_end": end }],
                "label": null,
                "suggested_replacement": null, "suggestion_applicability": null,
                "expansion": null,
            })]
        }
        None => Vec::new(),
    };
    let message = format!("leaklint could not run: {}", failure.0);
    let value = serde_json::json!({
        "$message_type": "diagnostic",
        "message": message,
        "code": { "code": "leaklint", "explanation": null },
        "level": "error",
        "spans": spans,
        "children": [],
        "rendered": format!("error: {message}\n"),
    });
    format!("{value}\n")
}
