// `main` calls the daemon's start through an import under another name:
// the watcher it starts lives as long as the process.
mod daemon;

use daemon::run as run_daemon;

fn main() {
    run_daemon();
}
