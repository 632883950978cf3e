// A command-line tool on a current-thread runtime whose commands spawn only
// tasks they wait for: `start` runs its steps in a `JoinSet` it drains,
// `migrate` drives a database connection in a task it awaits, `check` joins
// two probes (`join!`, lending one handle first). Once such a
// fn has returned, the runtime runs nothing but the user's command, so a
// blocking call outside it stalls nobody: left alone (`stop_all`, also run
// after a failed start). While such a fn runs, its tasks run too: a blocking
// call there, or in the tasks, is reported.
mod steps;

fn main() -> std::io::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    match std::env::args().nth(1).as_deref() {
        Some("start") => rt.block_on(handle_start()),
        Some("migrate") => rt.block_on(handle_migrate()),
        Some("check") => rt.block_on(handle_check()),
        _ => rt.block_on(handle_stop()),
    }
}

async fn handle_start() -> std::io::Result<()> {
    if let Err(failed) = steps::start_all().await {
        eprintln!("{failed} services failed to start");
        stop_all().await;
    }
    Ok(())
}

async fn handle_stop() -> std::io::Result<()> {
    stop_all().await;
    Ok(())
}

async fn stop_all() {
    for name in ["api", "worker"] {
        steps::wait_until_stopped(name);
    }
}

async fn handle_migrate() -> std::io::Result<()> {
    let (client, connection) = steps::connect().await;
    let driver = tokio::spawn(connection);
    let script = std::fs::read_to_string("migrate.sql")?; //~ blocking_call_in_async
    client.run(&script).await;
    drop(client);
    driver.await.unwrap();
    Ok(())
}

async fn handle_check() -> std::io::Result<()> {
    probe_all().await;
    steps::wait_until_stopped("probe.lock");
    Ok(())
}

async fn probe_all() {
    let api = tokio::spawn(steps::probe("api"));
    let worker = tokio::spawn(steps::probe("worker"));
    steps::log_task(&api);
    let _ = tokio::join!(api, worker);
}
