mod cli;

#[tokio::main]
async fn main() {
    let app = cli::App::new("out");
    app.run().await;
}
