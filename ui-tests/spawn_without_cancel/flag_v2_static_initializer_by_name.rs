// The fn a lazy static is given by name is a root only for that static: a
// fn that is also called per request is not process-lifetime.
use once_cell::sync::Lazy;

static BUS: Lazy<Bus> = Lazy::new(Bus::create);

pub struct Bus;

impl Bus {
    fn create() -> Bus {
        start_dispatch();
        Bus
    }
}

fn start_dispatch() {
    std::thread::spawn(|| loop { //~ spawn_without_cancel
        dispatch_one();
    });
}

pub async fn handle_request() {
    start_dispatch();
}

fn dispatch_one() {}

// A cell that is not a static (a field: one per owner) runs its
// initializer once per owner, not once per process.
pub struct Hub {
    relay: std::sync::OnceLock<Relay>,
}

pub struct Relay;

impl Relay {
    fn create() -> Relay {
        tokio::spawn(async { //~ spawn_without_cancel
            loop {
                forward().await;
            }
        });
        Relay
    }
}

impl Hub {
    pub fn relay(&self) -> &Relay {
        self.relay.get_or_init(Relay::create)
    }
}

async fn forward() {}
