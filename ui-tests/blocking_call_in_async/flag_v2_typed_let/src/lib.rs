mod model;

use model::{Compact, Store};

/// The `let`'s declared type says what `compact` is.
pub async fn from_a_vec(stores: Vec<Store>) {
    let store: Store = stores.into_iter().next().unwrap();
    store.compact(); //~ blocking_call_in_async
}

pub async fn declared_then_assigned() {
    let store: model::Store;
    store = Store::open("/var/lib/app");
    store.compact(); //~ blocking_call_in_async
}

/// Near misses: a trait object, and a type left to inference.
pub async fn trait_object(any: Vec<Box<dyn Compact + Send>>) {
    let store: Box<dyn Compact + Send> = any.into_iter().next().unwrap();
    store.compact();
}

pub async fn inferred(stores: Vec<Store>) {
    let store: _ = stores.into_iter().next().unwrap();
    store.compact();
}
