// v2: file I/O through a sync helper, where the async code may run per
// request: an async fn nothing in the crate calls (an API, a handler), one
// called in a loop, or a spawned task's body. One finding per async fn:
// moving its file work off the worker is one fix.
use std::io::Read;
use std::time::Duration;

fn read_config(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

fn load_pem(path: &str) -> Vec<u8> {
    let mut file = std::fs::File::open(path).unwrap();
    let mut out = Vec::new();
    file.read_to_end(&mut out).unwrap();
    out
}

fn save_state(path: &str, state: &[u8]) {
    std::fs::write(path, state).unwrap();
}

// Two calls deep.
fn settings() -> String {
    read_config("/etc/app.toml")
}

fn pause() {
    std::thread::sleep(Duration::from_millis(10));
}

pub struct Store {
    root: String,
}

impl Store {
    fn load(&self, key: &str) -> Vec<u8> {
        std::fs::read(format!("{}/{key}", self.root)).unwrap_or_default()
    }

    pub async fn get(&self, key: &str) -> Vec<u8> {
        self.load(key) //~ blocking_call_in_async
    }

    // Called in a loop by `refresh_all`.
    async fn refresh(&self, key: &str) -> usize {
        self.load(key).len() //~ blocking_call_in_async
    }

    pub async fn refresh_all(&self, keys: &[String]) -> usize {
        let mut total = 0;
        for key in keys {
            total += self.refresh(key).await;
        }
        total
    }
}

pub async fn handle_request() -> String {
    let config = read_config("/etc/app.toml"); //~ blocking_call_in_async
    let _ = load_pem("/etc/app/key.pem");
    save_state("/var/lib/app/state", b"ok");
    // A sleep is reported on its own.
    pause(); //~ blocking_call_in_async
    config + &settings()
}

pub async fn show_settings() -> String {
    settings() //~ blocking_call_in_async
}

pub fn start_reloader(mut updates: tokio::sync::mpsc::Receiver<()>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        while updates.recv().await.is_some() {
            let _ = read_config("/etc/app.toml"); //~ blocking_call_in_async
        }
    })
}

// Two async fns of one name in one file: one finding each.
pub struct Users;
pub struct Orders;

impl Users {
    pub async fn fetch(&self) -> String {
        read_config("/var/lib/app/users.json") //~ blocking_call_in_async
    }
}

impl Orders {
    pub async fn fetch(&self) -> String {
        read_config("/var/lib/app/orders.json") //~ blocking_call_in_async
    }
}
