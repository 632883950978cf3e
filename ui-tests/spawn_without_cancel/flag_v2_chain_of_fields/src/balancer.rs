use std::sync::Arc;

use crate::prober::{Prober, QuietProber};

pub struct Inner {
    pub prober: Arc<Prober>,
    pub quiet: Arc<QuietProber>,
}

pub struct Balancer {
    pub inner: Arc<Inner>,
    pub backup: Arc<Shard>,
}

pub struct Shard {
    pub prober: Arc<Prober>,
}

pub mod other {
    pub struct Shard {
        pub prober: Box<crate::prober::QuietProber>,
    }
}
