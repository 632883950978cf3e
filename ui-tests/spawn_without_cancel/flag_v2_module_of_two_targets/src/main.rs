mod worker;

// The binary's `crate::pump` is the library's, through this import.
#[allow(unused_imports)]
use app::pump;

#[tokio::main]
async fn main() {
    loop {
        worker::on_connect();
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}
