// A command-line tool (its package is named `acme-cli`): `main` runs the
// command it is asked for, the status check through a retry helper's
// closure, so leaklint cannot count how often `status` runs. Every request
// without a timeout is reported, the handler's one call included.
mod commands;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match std::env::args().nth(1).as_deref() {
        Some("watch") => commands::watch().await,
        Some("sync") => commands::sync().await,
        _ => with_retries(3, || commands::status()).await,
    }
}

async fn with_retries<F, Fut>(attempts: u32, mut run: F) -> anyhow::Result<()>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    let mut last = Ok(());
    for _ in 0..attempts {
        last = run().await;
        if last.is_ok() {
            break;
        }
    }
    last
}
