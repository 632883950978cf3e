use base::store::Store;

pub struct State {
    store: base::store::Store,
    cache: crate::store::Store,
    kv: kv::Db,
}

pub async fn save(store: &Store) {
    store.flush(); //~ blocking_call_in_async
}

pub async fn save_new() {
    let store = base::store::Store::new();
    store.flush(); //~ blocking_call_in_async
}

impl State {
    pub async fn checkpoint(&self) {
        self.store.flush(); //~ blocking_call_in_async
    }

    // Near misses: app's own store, and another crate's `Db`.
    pub async fn refresh(&self) {
        self.cache.flush();
        self.kv.sync();
    }
}

pub async fn save_own() {
    let store = crate::store::Store::new();
    store.flush();
}

pub async fn sync_remote(db: &kv::Db) {
    db.sync();
}

pub async fn sync_remote_new() {
    let db = kv::Db::open();
    db.sync();
}

pub async fn sync_own(db: &crate::db::Db) {
    db.sync(); //~ blocking_call_in_async
}
