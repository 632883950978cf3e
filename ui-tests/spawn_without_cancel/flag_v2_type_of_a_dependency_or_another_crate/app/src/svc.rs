use base::poll::Poller;

/// Holds base's poller.
pub struct Upstream {
    poller: base::poll::Poller,
}

impl Upstream {
    pub fn watch(&self) {
        let poller = self.poller.clone();
        tokio::spawn(async move { poller.run().await }); //~ spawn_without_cancel
    }
}

pub fn start_imported() {
    let p = Poller::new();
    tokio::spawn(async move { p.run().await }); //~ spawn_without_cancel
}

pub fn start_by_path() {
    let p = base::poll::Poller::new();
    tokio::spawn(async move { p.run().await }); //~ spawn_without_cancel
}

fn make_poller() -> base::poll::Poller {
    base::poll::Poller::new()
}

pub fn start_returned() {
    let p = make_poller();
    tokio::spawn(async move { p.run().await }); //~ spawn_without_cancel
}

pub fn start_own_feeder() {
    let f = crate::feed::Feeder::new();
    tokio::spawn(async move { f.run().await }); //~ spawn_without_cancel
}

// Near misses: app's own poller returns; base's feeder returns.

pub fn start_own_poller() {
    let p = crate::poll::Poller::new();
    tokio::spawn(async move { p.run().await });
}

pub fn start_base_feeder() {
    let f = base::feed::Feeder::new();
    tokio::spawn(async move { f.run().await });
}

fn make_feeder() -> base::feed::Feeder {
    base::feed::Feeder::new()
}

pub fn start_returned_feeder() {
    let f = make_feeder();
    tokio::spawn(async move { f.run().await });
}

/// Holds base's feeder.
pub struct Downstream {
    feeder: base::feed::Feeder,
}

impl Downstream {
    pub fn feed(&self) {
        let feeder = self.feeder.clone();
        tokio::spawn(async move { feeder.run().await });
    }
}
