// v2: an async handler calls a sync fn of the crate that blocks. The call
// is reported where the async code makes it, with a note at the blocking
// call inside the helper (also through another sync helper).
use std::path::Path;

pub struct Store {
    root: String,
}

impl Store {
    fn load(&self, key: &str) -> Vec<u8> {
        std::fs::read(Path::new(&self.root).join(key)).unwrap_or_default()
    }

    pub async fn get(&self, key: &str) -> Vec<u8> {
        self.load(key) //~ blocking_call_in_async
    }
}

fn read_config(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

fn settings() -> String {
    read_config("/etc/app.toml")
}

fn backoff() {
    std::thread::sleep(std::time::Duration::from_millis(100));
}

pub async fn handle_request() -> String {
    let config = read_config("/etc/app.toml"); //~ blocking_call_in_async
    backoff(); //~ blocking_call_in_async
    config + &settings() //~ blocking_call_in_async
}
