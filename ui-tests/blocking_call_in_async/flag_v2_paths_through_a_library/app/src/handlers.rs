use store_core::util as core_util;

pub async fn put(key: String) {
    store_core::util::pause(); //~ blocking_call_in_async
    store_core::util::settle();
    println!("{key}");
}

pub async fn get(key: String) {
    core_util::pause(); //~ blocking_call_in_async
    crate::util::pause();
    println!("{key}");
}
