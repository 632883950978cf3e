// Not flagged: only `main`'s `block_on` awaits it.
pub async fn run() {
    let _ = std::fs::read("in.json");
}
