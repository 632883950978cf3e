// A command-line tool on a current-thread runtime: the main thread is the
// runtime's only worker. `start` spawns tasks (through `supervise`, in
// another file), so a blocking call on the way stalls them: reported. The
// other commands spawn nothing, so their blocking calls stall only the
// user's own command: left alone.
mod supervise;

fn main() -> std::io::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    match std::env::args().nth(1).as_deref() {
        Some("start") => rt.block_on(handle_start()),
        Some("stop") => rt.block_on(handle_stop()),
        _ => rt.block_on(handle_status()),
    }
}

async fn handle_start() -> std::io::Result<()> {
    supervise::start_all().await;
    let pids = std::fs::read_to_string("fleet.pids")?; //~ blocking_call_in_async
    println!("{pids}");
    Ok(())
}

async fn handle_stop() -> std::io::Result<()> {
    let pid = std::fs::read_to_string("fleet.pid")?;
    supervise::wait_until_stopped(&pid);
    Ok(())
}

async fn handle_status() -> std::io::Result<()> {
    let status = std::process::Command::new("pgrep").arg("fleet").output()?;
    println!("{}", status.status);
    Ok(())
}
