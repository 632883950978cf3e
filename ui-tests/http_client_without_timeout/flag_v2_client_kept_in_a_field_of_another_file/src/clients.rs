use crate::api::{Blockprint, Mirror, Peer, Registry};

// Not flagged: every request through `Blockprint::client` sets a timeout.
pub fn blockprint(server: String) -> Blockprint {
    Blockprint {
        client: reqwest::Client::new(),
        server,
    }
}

// Flagged: `Peer::ping` sends a request through the field without one.
pub fn peer(agent: &str) -> Peer {
    let client = reqwest::Client::builder() //~ http_client_without_timeout
        .user_agent(agent)
        .build()
        .unwrap();
    Peer { client }
}

// Flagged: `Mirror::client` is cloned and handed on elsewhere.
pub fn mirror() -> Mirror {
    Mirror {
        client: reqwest::Client::new(), //~ http_client_without_timeout
    }
}

// Flagged: nothing reads `Registry::client`, so no request shows the
// client is bounded.
pub fn registry() -> Registry {
    Registry {
        client: reqwest::Client::new(), //~ http_client_without_timeout
    }
}
