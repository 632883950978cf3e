// ureq agents and requests with no timeout.
use std::io::Read;

pub struct Updater {
    agent: ureq::Agent,
}

impl Updater {
    pub fn new() -> Self {
        Updater { agent: ureq::agent() } //~ http_client_without_timeout
    }
}

pub fn latest_version(url: &str) -> Result<String, ureq::Error> {
    let body = ureq::get(url).set("Accept", "text/plain").call()?.into_string()?; //~ http_client_without_timeout
    Ok(body.trim().to_string())
}

pub fn report(url: &str, payload: serde_json::Value) -> Result<(), ureq::Error> {
    let request = ureq::post(url).set("Content-Type", "application/json"); //~ http_client_without_timeout
    let request = request.query("v", "2");
    request.send_json(payload)?;
    Ok(())
}

pub fn download(url: &str, out: &mut Vec<u8>) -> std::io::Result<()> {
    use ureq::get as http_get;
    let resp = http_get(url).call().map_err(std::io::Error::other)?; //~ http_client_without_timeout
    resp.into_reader().read_to_end(out)?;
    Ok(())
}
