use std::sync::Arc;

use crate::cluster::Cluster;
use crate::listener::Listener;

pub struct Services {
    pub cluster: Arc<Cluster>,
    pub listener: Listener,
    pub names: Vec<String>,
}

impl Services {
    pub fn new() -> Services {
        Services {
            cluster: Arc::new(Cluster),
            listener: Listener,
            names: Vec::new(),
        }
    }
}

/// Another struct with a field named `cluster`, of another type: its
/// `start` is not `Cluster::start`.
pub struct Replica {
    pub cluster: Arc<crate::listener::Listener>,
}
