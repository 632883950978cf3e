use std::sync::Arc;

use crate::store::Store;

pub struct App {
    pub store: Arc<Store>,
}
