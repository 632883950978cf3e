// A command-line tool whose commands are sync fns, each building a
// current-thread runtime and blocking on an async block written in place.
// `serve` spawns a task on its runtime, so a blocking call in its block
// stalls that task: reported, although `main` is what calls `serve`.
// `status` spawns nothing, so its blocking calls stall only the command the
// user waits for: left alone.
use std::time::Duration;

fn status() -> std::io::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    rt.block_on(async {
        std::thread::sleep(Duration::from_millis(200));
        settle();
        println!("ok");
        Ok(())
    })
}

fn serve() -> std::io::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    rt.block_on(async {
        tokio::spawn(async {
            loop {
                tokio::time::sleep(Duration::from_secs(5)).await;
                println!("heartbeat");
            }
        });
        settle(); //~ blocking_call_in_async
        std::thread::sleep(Duration::from_secs(3600)); //~ blocking_call_in_async
        Ok(())
    })
}

fn settle() {
    std::thread::sleep(Duration::from_millis(50));
}

fn main() -> std::io::Result<()> {
    match std::env::args().nth(1).as_deref() {
        Some("serve") => serve(),
        _ => status(),
    }
}
