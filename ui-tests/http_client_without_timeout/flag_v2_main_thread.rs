// A request sent once on the main thread, with a client that stays in its
// fn: a command-line client's one call. Reported like any other request
// without a timeout: a stalled server keeps the program from finishing.
use std::time::Duration;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let urls = std::env::args().skip(1).collect::<Vec<_>>();
    let status = reqwest::get("http://127.0.0.1:8989/api/v1/status").await?.text().await?; //~ http_client_without_timeout
    println!("{status}");

    // A `for` loop goes through the arguments once.
    let client = reqwest::Client::new(); //~ http_client_without_timeout
    for url in &urls {
        let body = client.get(url).send().await?.text().await?;
        println!("{body}");
    }

    // An async block awaited (not spawned) in `main` runs on the main thread.
    let fetch = async {
        let builder = reqwest::Client::builder().user_agent("cli/1.0"); //~ http_client_without_timeout
        let c = builder.build()?;
        c.post("http://127.0.0.1:8989/api/v1/peers").send().await
    };
    fetch.await?;
    Ok(())
}

// A client that leaves `main` with a timeout, for contrast: not reported.
#[allow(dead_code)]
fn timed() -> reqwest::Client {
    reqwest::Client::builder().timeout(Duration::from_secs(5)).build().unwrap()
}
