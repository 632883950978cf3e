use flag_v2_methods_of_returned_values::broker::{self, Broker};
use flag_v2_methods_of_returned_values::endpoint::Endpoint;
use flag_v2_methods_of_returned_values::registry::Registry;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let endpoint = Endpoint::load("data")?;
    endpoint.start(30).await?;
    endpoint.stop().await?;
    endpoint.restart().await?;
    tokio::spawn(async { Broker::from_env().start(5).await });
    tokio::spawn(async { broker::boxed().stop().await });
    tokio::spawn(async { Registry::open("reg").unwrap().start(5).await });
    Ok(())
}
