use crate::blockprint::{BlockprintClient, Feed};

// Near miss: only `watch` can read this field (no package depends on
// it but `gateway`, which does not), and every read sets a timeout.
pub fn blockprint(server: Option<String>) -> Option<BlockprintClient> {
    let server = server?;
    Some(BlockprintClient {
        client: reqwest::Client::new(),
        server,
        username: None,
    })
}

// Flagged: `gateway` depends on `watch` and sends an untimed request with
// this field.
pub fn feed(url: String) -> Feed {
    Feed {
        client: reqwest::Client::new(), //~ http_client_without_timeout
        url,
    }
}
