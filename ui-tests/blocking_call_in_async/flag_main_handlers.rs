// A sync `main` that builds a multi-threaded runtime: what it blocks on runs
// on the main thread, but what it spawns on the runtime, and request
// handlers made by a closure, run on the workers.
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let rt = tokio::runtime::Runtime::new()?;
    let static_dir = PathBuf::from("public");

    // Spawned on the runtime: a worker.
    let warmup = rt.spawn(async {
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
        std::fs::write("warm", b"1") //~ blocking_call_in_async
    });

    // The closure is called for every request, on the workers.
    let handler = move |name: String| {
        let path = static_dir.join(name);
        async move { std::fs::read(path) } //~ blocking_call_in_async
    };

    rt.block_on(async move {
        // Main-thread code: not reported.
        let banner = std::fs::read_to_string("banner.txt")?;
        println!("{banner}");
        serve(handler).await?;
        warmup.await??;
        Ok(())
    })
}
