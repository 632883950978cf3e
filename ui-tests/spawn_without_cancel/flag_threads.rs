// Threads cannot be cancelled from outside: keeping the handle does not help.
use std::thread;

pub fn start_log_flusher(buffer: LogBuffer) -> thread::JoinHandle<()> {
    thread::spawn(move || loop { //~ spawn_without_cancel
        buffer.flush_to_disk();
        thread::sleep(std::time::Duration::from_secs(1));
    })
}

pub fn start_named_worker(jobs: Jobs) -> std::io::Result<()> {
    let handle = thread::Builder::new().name("worker".into()).spawn(move || { //~ spawn_without_cancel
        loop {
            jobs.run_next();
        }
    })?;
    handle.join().ok();
    Ok(())
}

pub fn start_sampler() {
    std::thread::spawn(|| { //~ spawn_without_cancel
        let mut samples = Vec::new();
        loop {
            samples.push(read_sensor());
        }
    });
}
