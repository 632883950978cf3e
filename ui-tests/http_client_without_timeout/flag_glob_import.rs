// `Client` from `use reqwest::*` is `reqwest::Client`.
mod api {
    use reqwest::*;

    pub fn client() -> Client {
        Client::new() //~ http_client_without_timeout
    }

    pub fn timed() -> Result<Client> {
        Client::builder()
            .timeout(std::time::Duration::from_secs(10))
            .build()
    }
}

// Near-miss: the crate's own `Client` through `use super::*`.
pub struct Client;

impl Client {
    pub fn new() -> Client {
        Client
    }
}

mod own {
    use super::*;
    use reqwest::*;

    pub fn client() -> Client {
        Client::new()
    }
}
