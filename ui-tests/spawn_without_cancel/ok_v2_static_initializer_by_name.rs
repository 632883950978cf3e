// A lazy static given its initializer by name runs it once, as a closure
// calling it would: what that fn starts lives as long as the process.
use std::sync::LazyLock;

use once_cell::sync::Lazy;

static BUS: Lazy<Bus> = Lazy::new(Bus::create);
static POOL: LazyLock<Pool> = LazyLock::new(start_pool);

pub struct Bus;

impl Bus {
    fn create() -> Bus {
        start_dispatch();
        Bus
    }
}

fn start_dispatch() {
    std::thread::spawn(|| loop {
        dispatch_one();
    });
}

pub struct Pool;

fn start_pool() -> Pool {
    tokio::spawn(async {
        loop {
            refill().await;
        }
    });
    Pool
}

fn dispatch_one() {}
async fn refill() {}
