// The server's own handlers: `get(list)` names this file's `list`, not the
// client's `cmd::peers::list`.
pub fn routes() -> Router {
    Router::new().route("/peers", get(list))
}

async fn list() -> String {
    String::new()
}
