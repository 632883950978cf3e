// Requests that do not run once on the main thread: in `main`'s endless
// loop (a service polling forever), in a task spawned from `main`, with a
// client handed to code out of sight, in a `#[tokio::main]` fn that is
// not the program's `main` (it runs each time it is called), or in a sync
// fn handing it to `block_on` whose callers this file does not show.
use std::time::Duration;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    loop {
        let body = reqwest::get("http://example.com/feed").await?.text().await?; //~ http_client_without_timeout
        println!("{body}");
        tokio::time::sleep(Duration::from_secs(60)).await;
    }
}

mod worker {
    #[tokio::main]
    async fn main() {
        let client = reqwest::Client::new(); //~ http_client_without_timeout
        tokio::spawn(async move {
            let _ = client.get("http://example.com/a").send().await;
        });
        let shared = reqwest::Client::new(); //~ http_client_without_timeout
        serve(shared).await;
        let polled = reqwest::Client::new(); //~ http_client_without_timeout
        while polled.get("http://example.com/b").send().await.is_ok() {}
    }

    async fn serve(_client: reqwest::Client) {}
}

#[tokio::main(flavor = "current_thread")]
async fn check_for_update() -> anyhow::Result<()> {
    reqwest::Client::builder().build()?.post("http://example.com/v").send().await?; //~ http_client_without_timeout
    Ok(())
}

pub fn export(rt: &tokio::runtime::Runtime) {
    let _ = rt.block_on(async { reqwest::Client::new().get("http://localhost/").send().await }); //~ http_client_without_timeout
}
