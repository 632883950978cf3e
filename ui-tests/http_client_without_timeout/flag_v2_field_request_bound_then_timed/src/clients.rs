use crate::api::{Builder, Status};

// Not flagged: `Builder::client`'s one request gets the caller's timeout
// on the bound request builder.
pub fn builder(agent: &str) -> Builder {
    let client = reqwest::Client::builder()
        .user_agent(agent)
        .build()
        .unwrap();
    Builder { client }
}

// Flagged: `Status::check` binds the request and sends it as it is.
pub fn status() -> Status {
    Status {
        client: reqwest::Client::new(), //~ http_client_without_timeout
    }
}
