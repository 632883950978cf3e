// A ureq agent that stays in its fn is judged by its requests, as a local
// reqwest client is: silent when every request sets `.timeout(…)`.
use std::time::Duration;

pub fn every_request_timed(url: &str) -> Result<String, ureq::Error> {
    let agent = ureq::agent();
    let first = agent.get(url).timeout(Duration::from_secs(5)).call()?.into_string()?;
    let second = agent.post(url).timeout(Duration::from_secs(5)).call()?.into_string()?;
    Ok(first + &second)
}

pub fn one_request_untimed(url: &str) -> Result<String, ureq::Error> {
    let agent = ureq::agent(); //~ http_client_without_timeout
    let first = agent.get(url).timeout(Duration::from_secs(5)).call()?.into_string()?;
    let second = agent.get(url).call()?.into_string()?;
    Ok(first + &second)
}

pub fn temporary_timed(url: &str) -> Result<String, ureq::Error> {
    Ok(ureq::agent().get(url).timeout(Duration::from_secs(5)).call()?.into_string()?)
}

// Returned: its requests are sent elsewhere.
pub fn make_agent() -> ureq::Agent {
    ureq::agent() //~ http_client_without_timeout
}
