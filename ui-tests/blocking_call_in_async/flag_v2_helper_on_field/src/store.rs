pub struct Store;
pub struct Quiet;

pub trait Plugin: Send + Sync {
    fn wait_for_peer(&self);
}

impl Store {
    pub fn wait_for_peer(&self) {
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
}

impl Quiet {
    pub fn wait_for_peer(&self) {
        println!("ready");
    }
}
