use std::sync::Arc;

use tokio::sync::Mutex;

use crate::cluster::Cluster;
use crate::recordings::Recordings;

pub struct Services {
    pub cluster: Arc<Cluster>,
    pub recordings: Arc<Mutex<Recordings>>,
}

impl Services {
    pub fn new() -> Services {
        Services {
            cluster: Arc::new(Cluster),
            recordings: Arc::new(Mutex::new(Recordings)),
        }
    }
}
