fn legacy_wait() {
    std::thread::sleep(std::time::Duration::from_millis(1));
}

fn settle() {
    std::thread::sleep(std::time::Duration::from_millis(5));
}

pub async fn legacy_handler() {
    legacy_wait(); //~ blocking_call_in_async
    settle(); //~ blocking_call_in_async
}
