#[tokio::main]
async fn main() {
    app::setup().await;
    tokio::spawn(app::serve());
}
