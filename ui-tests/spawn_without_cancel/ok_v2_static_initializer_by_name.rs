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

// A once-cell on a static given its initializer by name (`get_or_init(f)`)
// runs it once too, wherever the static is first asked for.
static HANDLER: std::sync::OnceLock<Broadcaster> = std::sync::OnceLock::new();

pub struct Broadcaster;

impl Broadcaster {
    fn create() -> Broadcaster {
        tokio::spawn(async {
            loop {
                ping_clients().await;
            }
        });
        Broadcaster
    }
}

pub fn handler() -> &'static Broadcaster {
    HANDLER.get_or_init(Broadcaster::create)
}

async fn ping_clients() {}
