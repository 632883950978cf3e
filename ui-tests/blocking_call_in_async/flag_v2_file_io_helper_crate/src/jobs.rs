use std::io::Write;

fn append_log(line: &str) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new().append(true).create(true).open("/var/log/jobs.log")?;
    f.write_all(line.as_bytes())
}

// Called in a loop: once per job.
async fn process(job: String) {
    append_log(&job).ok(); //~ blocking_call_in_async
}

// Awaited once by `run`, which `main` spawns: one step of the task.
async fn open_journal() {
    append_log("started").ok();
}

pub async fn run(mut rx: tokio::sync::mpsc::Receiver<String>) {
    open_journal().await;
    while let Some(job) = rx.recv().await {
        process(job).await;
    }
}
