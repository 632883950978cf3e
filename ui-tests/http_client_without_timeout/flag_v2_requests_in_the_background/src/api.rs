// A bare name in an inline module may be any fn of that name the module
// sees: `fetch` here may be `feed::fetch` too.
mod handlers {
    pub fn routes() -> Router {
        Router::new().route("/fetch", get(fetch))
    }
}
