// std::process waits for the child inside async code.
use std::process::{Child, Command, Stdio};

pub async fn git_head(repo: &std::path::Path) -> anyhow::Result<String> {
    let out = std::process::Command::new("git") //~ blocking_call_in_async
        .arg("rev-parse")
        .arg("HEAD")
        .current_dir(repo)
        .output()?;
    Ok(String::from_utf8(out.stdout)?)
}

pub async fn run_hook(script: &str) -> anyhow::Result<bool> {
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(script).stdin(Stdio::null());
    let status = cmd.status()?; //~ blocking_call_in_async
    Ok(status.success())
}

pub async fn transcode(input: &str) -> std::io::Result<Vec<u8>> {
    let child = Command::new("ffmpeg")
        .args(["-i", input, "-f", "mp3", "-"])
        .stdout(Stdio::piped())
        .spawn()?;
    let out = child.wait_with_output()?; //~ blocking_call_in_async
    Ok(out.stdout)
}

pub struct Worker {
    child: Child,
}

impl Worker {
    pub async fn shutdown(&mut self) -> std::io::Result<()> {
        self.child.kill()?;
        self.child.wait()?; //~ blocking_call_in_async
        Ok(())
    }
}

pub async fn reap(child: &mut std::process::Child) {
    let _ = child.wait(); //~ blocking_call_in_async
}

/// Values unwrapped by a pattern keep their type: the child, the file and
/// the listener are still std's.
pub async fn run_hook(hook: &std::path::Path) {
    let Ok(mut child) = Command::new(hook).spawn() else {
        return;
    };
    let _ = child.wait(); //~ blocking_call_in_async
}

pub async fn read_pid_file(path: &str) -> Option<u32> {
    use std::io::Read;
    if let Ok(mut file) = std::fs::File::open(path) { //~ blocking_call_in_async
        let mut text = String::new();
        file.read_to_string(&mut text).ok()?; //~ blocking_call_in_async
        return text.trim().parse().ok();
    }
    None
}

pub async fn accept_one(addr: &str) {
    match std::net::TcpListener::bind(addr) {
        Ok(listener) => {
            let _ = listener.accept(); //~ blocking_call_in_async
        }
        Err(e) => eprintln!("{e}"),
    }
}

pub async fn append_journal(path: &str, line: &str) {
    use std::io::Write;
    let mut out = match std::fs::File::create(path) { //~ blocking_call_in_async
        Ok(f) => f,
        Err(_) => return,
    };
    let _ = out.write_all(line.as_bytes()); //~ blocking_call_in_async
}

pub async fn admin_listener(addr: &str) {
    let listener = match std::net::TcpListener::bind(addr) {
        Ok(l) => l,
        Err(e) => panic!("cannot bind {addr}: {e}"),
    };
    let _ = listener.accept(); //~ blocking_call_in_async
}

// Not flagged: the match may yield another value than the listener (a
// fallback made elsewhere), so what `accept` is called on is not known.
pub async fn admin_listener_or(addr: &str, fallback: impl FnOnce() -> Listener) {
    let listener = match std::net::TcpListener::bind(addr) {
        Ok(l) => Listener::Std(l),
        Err(_) => fallback(),
    };
    let _ = listener.accept();
}

pub async fn run_hook() {
    let mut cmd: std::process::Command = std::process::Command::new("pre-commit");
    cmd.arg("run");
    let mut child = cmd.spawn().unwrap();
    let _ = child.wait(); //~ blocking_call_in_async
}

pub enum Listener {
    Std(std::net::TcpListener),
}

impl Listener {
    pub fn accept(&self) -> std::io::Result<()> {
        Ok(())
    }
}
