use crate::endpoint::Stoppable;

pub struct Broker;

impl Broker {
    pub fn from_env() -> Broker {
        Broker
    }

    pub async fn start(&self, _timeout: u64) {}

    pub async fn stop(&self) {}
}

pub fn boxed() -> Box<dyn Stoppable> {
    unimplemented!()
}
