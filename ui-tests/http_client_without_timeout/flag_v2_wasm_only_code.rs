// Code built only for WebAssembly sends its requests through the platform's
// `fetch`: reqwest's wasm client has no timeout to set, so it is left alone.
// The native twin of the same fn is reported.
use anyhow::Result;

#[cfg(target_arch = "wasm32")]
pub async fn get(uri: &str) -> Result<Vec<u8>> {
    let response = reqwest::Client::new().get(uri).send().await?;
    Ok(response.bytes().await?.to_vec())
}

#[cfg(not(target_arch = "wasm32"))]
pub async fn get(uri: &str) -> Result<Vec<u8>> {
    let response = reqwest::Client::new().get(uri).send().await?; //~ http_client_without_timeout
    Ok(response.bytes().await?.to_vec())
}

#[cfg(all(target_family = "wasm", feature = "browser"))]
mod browser {
    pub struct Fetcher {
        client: reqwest::Client,
    }

    impl Fetcher {
        pub fn new() -> Self {
            Self { client: reqwest::Client::new() }
        }
    }
}

// `any(…)` is built for other targets too.
#[cfg(any(target_arch = "wasm32", feature = "native-http"))]
pub fn shared_client() -> reqwest::Client {
    reqwest::Client::new() //~ http_client_without_timeout
}
