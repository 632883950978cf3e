// `run()` here is this file's `run`, not `import::run` or `export::run`.
mod export;
mod import;

fn main() {
    std::thread::spawn(|| {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.spawn(async { run().await });
    });
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        import::run().await;
        rt.spawn(async { export::run().await });
    });
}

async fn run() {}
