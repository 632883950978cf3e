// Flagged: `main` spawns it.
pub async fn run() {
    let _ = std::fs::write("out.json", b""); //~ blocking_call_in_async
}
