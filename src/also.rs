//! `--also CMD`: run another checker (typically clippy with
//! `--message-format=json`) alongside leaklint and pass its standard output
//! through, so an editor that runs one check command sees both.

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
