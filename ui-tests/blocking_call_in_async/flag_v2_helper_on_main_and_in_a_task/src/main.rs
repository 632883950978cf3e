mod git;
mod release;

#[tokio::main]
async fn main() {
    release::cut("v1.2.3").await;
    release::backup("v1.2.3").await;
    release::tag_only("v1.2.3").await;
}
