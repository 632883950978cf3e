// Current-thread runtimes that a sync fn builds and blocks on, running no
// task but the one future: the thread blocking on them is the main thread,
// and a blocking call there stalls only the command the user waits for.
// Each is left alone: `main` here, a sync fn building its own runtime (in
// `bin/restore.rs`), and the async fns they reach through `.await`.
// (`#[tokio::main(flavor = "current_thread")]` says the main thread is the
// runtime's worker and is reported as written: see
// `flag_v2_current_thread_attribute.rs`.)
mod archive;

fn main() -> std::io::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let config = std::fs::read_to_string("backup.toml")?;
        archive::run(&config).await
    })
}
