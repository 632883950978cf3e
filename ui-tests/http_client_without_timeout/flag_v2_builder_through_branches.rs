// A builder that goes through an `if` or a `match` whose every branch goes
// on with the same builder (an optional proxy, certificate or user agent) is
// still that builder: a timeout set on any branch, or before or after, counts.
use std::time::Duration;

pub struct HttpConfig {
    pub user_agent: String,
    pub proxy: Option<String>,
    pub timeout: Option<Duration>,
}

pub fn proxied(cfg: &HttpConfig) -> reqwest::Result<reqwest::Client> {
    let b = reqwest::Client::builder(); //~ http_client_without_timeout
    let b = b.user_agent(&cfg.user_agent).connect_timeout(Duration::from_secs(3));
    let b = match &cfg.proxy {
        Some(p) => b.proxy(reqwest::Proxy::all(p)?),
        None => b,
    };
    b.build()
}

pub fn proxied_by_if(cfg: &HttpConfig) -> reqwest::Result<reqwest::Client> {
    let builder = reqwest::Client::builder().user_agent("agent/1.0"); //~ http_client_without_timeout
    let builder = if let Some(p) = &cfg.proxy {
        builder.proxy(reqwest::Proxy::all(p)?)
    } else {
        builder
    };
    builder.build()
}

/// Near miss: the timeout is set after the branch.
pub fn timed_after(cfg: &HttpConfig) -> reqwest::Result<reqwest::Client> {
    let b = reqwest::Client::builder();
    let b = match &cfg.proxy {
        Some(p) => b.proxy(reqwest::Proxy::all(p)?),
        None => b,
    };
    b.timeout(Duration::from_secs(30)).build()
}

/// Near miss: a branch sets the timeout the configuration asks for.
pub fn timed_in_a_branch(cfg: &HttpConfig) -> reqwest::Result<reqwest::Client> {
    let b = reqwest::Client::builder().user_agent("agent/1.0");
    let b = match cfg.timeout {
        Some(t) => b.timeout(t),
        None => b.read_timeout(Duration::from_secs(60)),
    };
    b.build()
}

/// Near miss: one branch starts another builder, so it is not followed.
pub fn other_builder(cfg: &HttpConfig, given: reqwest::ClientBuilder) -> reqwest::Result<reqwest::Client> {
    let b = reqwest::Client::builder();
    let b = if cfg.proxy.is_some() { given } else { b };
    b.build()
}

/// Every branch starts its own builder (one trusts any certificate): the
/// client is reported once, at the first.
pub fn tls_choice(insecure: bool, ua: &str) -> reqwest::Result<reqwest::Client> {
    let b = if insecure {
        reqwest::Client::builder().danger_accept_invalid_certs(true) //~ http_client_without_timeout
    } else {
        reqwest::Client::builder()
    };
    b.user_agent(ua).build()
}

/// Near miss: the same, with a timeout set after the branch.
pub fn tls_choice_timed(insecure: bool, timeout: Duration) -> reqwest::Result<reqwest::Client> {
    let b = if insecure {
        reqwest::Client::builder().danger_accept_invalid_certs(true)
    } else {
        reqwest::Client::builder()
    };
    b.timeout(timeout).build()
}

/// Near miss: a timeout set in one of the branches counts, as above.
pub fn tls_choice_timed_in_a_branch(insecure: bool) -> reqwest::Result<reqwest::Client> {
    let b = match insecure {
        true => reqwest::Client::builder().danger_accept_invalid_certs(true),
        false => reqwest::Client::builder().read_timeout(Duration::from_secs(60)),
    };
    b.build()
}

/// The same, with the builder reassigned rather than shadowed.
pub fn reassigned_by_match(cfg: &HttpConfig) -> reqwest::Result<reqwest::Client> {
    let mut b = reqwest::Client::builder(); //~ http_client_without_timeout
    b = match &cfg.proxy {
        Some(p) => b.proxy(reqwest::Proxy::all(p)?),
        None => b,
    };
    b.build()
}

pub fn reassigned_by_if(insecure: bool) -> reqwest::Result<reqwest::Client> {
    let mut b = reqwest::Client::builder(); //~ http_client_without_timeout
    b = if insecure { b.danger_accept_invalid_certs(true) } else { b };
    b.build()
}

/// Near miss: a branch sets the timeout.
pub fn reassigned_timed_in_a_branch(cfg: &HttpConfig) -> reqwest::Result<reqwest::Client> {
    let mut b = reqwest::Client::builder();
    b = match cfg.timeout {
        Some(t) => b.timeout(t),
        None => b.read_timeout(Duration::from_secs(60)),
    };
    b.build()
}

/// Near miss: a branch replaces it with a builder from elsewhere.
pub fn reassigned_from_elsewhere(cfg: &HttpConfig, given: reqwest::ClientBuilder) -> reqwest::Result<reqwest::Client> {
    let mut b = reqwest::Client::builder();
    b = if cfg.proxy.is_some() { given } else { b };
    b.build()
}
