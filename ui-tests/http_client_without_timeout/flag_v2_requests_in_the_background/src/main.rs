// The same shapes as a command-line client's, reached in ways that are not
// once on the main thread: every turn of `main`'s loop, a spawned task, a
// fn also called from a spawned task, and a fn another fn hands around as
// a value (its callers cannot all be seen), and fns named as values by
// their own module or by an inline module.
mod api;
mod feed;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tokio::spawn(async {
        let _ = feed::refresh().await;
    });
    feed::refresh().await?;
    let handler = feed::on_demand;
    let _ = handler().await;
    feed::status().await?;
    feed::fetch().await?;
    loop {
        feed::poll().await?;
        tokio::time::sleep(std::time::Duration::from_secs(30)).await;
    }
}
