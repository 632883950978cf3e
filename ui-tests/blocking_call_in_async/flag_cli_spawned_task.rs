// A CLI: `main` itself runs on the main thread (its std::fs reads stall
// nothing else), but the tasks it spawns run on the runtime's workers.
use std::path::PathBuf;
use std::time::Duration;

use tokio::task::JoinSet;

#[derive(Debug, serde::Deserialize)]
struct Config {
    watch: Vec<PathBuf>,
    interval_secs: u64,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // Main-thread start-up code: not reported.
    let text = std::fs::read_to_string("indexer.toml")?;
    let config: Config = toml::from_str(&text)?;

    // A spawned task runs on a worker: reported.
    let first = config.watch[0].clone();
    tokio::spawn(async move {
        let bytes = std::fs::read(&first).expect("readable"); //~ blocking_call_in_async
        println!("{} bytes", bytes.len());
    });

    // An async block bound to a name and spawned later: reported.
    let interval = Duration::from_secs(config.interval_secs);
    let ticker = async move {
        loop {
            std::thread::sleep(interval); //~ blocking_call_in_async
            println!("tick");
        }
    };
    let ticker = tokio::spawn(ticker);

    // JoinSet tasks run on workers too: reported.
    let mut set = JoinSet::new();
    for path in config.watch {
        set.spawn(async move { std::fs::read_to_string(path) }); //~ blocking_call_in_async
    }
    while let Some(res) = set.join_next().await {
        println!("{:?}", res?.map(|s| s.len()));
    }
    ticker.abort();

    // The future of an async fn, bound and then spawned: `index` runs on a
    // worker, not on the main thread that called it.
    let pending = index(PathBuf::from("catalog"));
    tokio::spawn(pending);
    Ok(())
}

async fn index(root: PathBuf) {
    let listing = std::fs::read_to_string(root.join("index")); //~ blocking_call_in_async
    println!("{:?}", listing.map(|s| s.len()));
}
