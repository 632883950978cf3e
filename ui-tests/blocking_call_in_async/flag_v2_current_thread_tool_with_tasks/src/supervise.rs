use std::time::Duration;

pub async fn start_all() {
    for name in ["api", "worker"] {
        start_one(name);
    }
    std::thread::sleep(Duration::from_millis(500)); //~ blocking_call_in_async
}

fn start_one(name: &'static str) {
    let mut set = tokio::task::JoinSet::new();
    set.spawn(async move { println!("{name}") });
    set.detach_all();
}

pub fn wait_until_stopped(pid: &str) {
    while std::path::Path::new(pid).exists() {
        std::thread::sleep(Duration::from_millis(100));
    }
}
