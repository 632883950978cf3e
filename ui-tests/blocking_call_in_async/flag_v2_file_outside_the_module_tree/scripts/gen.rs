fn nap() {
    std::thread::sleep(std::time::Duration::from_millis(1));
}

fn quick() {}

pub async fn run() {
    nap(); //~ blocking_call_in_async
    quick();
}
