// The same clients written through renames, groups and `self` imports.
use reqwest::{self as http, get as fetch, Client as HttpClient};

pub fn shared_client() -> HttpClient {
    HttpClient::new() //~ http_client_without_timeout
}

pub fn built() -> http::Result<http::Client> {
    http::ClientBuilder::new().https_only(true).build() //~ http_client_without_timeout
}

pub async fn download(url: String) -> http::Result<bytes::Bytes> {
    fetch(url).await?.bytes().await //~ http_client_without_timeout
}

pub async fn full_path(url: &str) -> String {
    ::reqwest::get(url).await.unwrap().text().await.unwrap() //~ http_client_without_timeout
}

static CLIENT: once_cell::sync::Lazy<reqwest::Client> =
    once_cell::sync::Lazy::new(|| reqwest::Client::builder().http1_only().build().unwrap()); //~ http_client_without_timeout
