mod boot;
mod jobs;
mod warmers;

mod cache {
    pub async fn load() -> Option<String> {
        None
    }
}

// Brings the library's modules, `reporter` among them; the binary's own
// `cache` and `jobs` shadow the library's.
use jobsvc::*;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    jobs::start();
    let _settings = cache::load().await;
    crate::reporter::start_reporting();
    boot::init().await;
    jobsvc::warmers::start_all("http://localhost:9000".to_string());
    let _state = jobsvc::store::open("/var/lib/app/state").await?;
    tokio::signal::ctrl_c().await
}
