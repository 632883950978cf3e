// In a `macro_rules!` body, `Self::name` is a method of the type of
// wherever the macro expands: an `impl` its body writes for a type it is
// given or names, or the `impl` it is invoked in.
pub struct Slot(u64);
pub struct Worker;
pub struct Relay;

macro_rules! impl_from_u64 {
    ($type:ident) => {
        impl From<u64> for $type {
            fn from(n: u64) -> Self {
                Self::new(n)
            }
        }
    };
}

impl Slot {
    pub fn new(n: u64) -> Self {
        Slot(n)
    }
}

impl_from_u64!(Slot);

macro_rules! restart_in_background {
    () => {
        pub fn restart(self: std::sync::Arc<Self>) {
            tokio::spawn(async move { Self::start().await });
        }
    };
}

impl Worker {
    // Not flagged: `main` awaits it, and `impl_from_u64!` calls `Slot::new`.
    pub async fn new() -> Worker {
        let _ = std::fs::read("worker.json");
        Worker
    }

    // Flagged: `restart_in_background!` expands in `impl Relay`, where
    // `Self::start()` is `Relay::start`; and in `impl Worker`, below.
    pub async fn start() {
        let _ = std::fs::read("state.json"); //~ blocking_call_in_async
    }

    restart_in_background!();
}

impl Relay {
    pub async fn start() {}

    restart_in_background!();
}

#[tokio::main]
async fn main() {
    Worker::new().await;
    Worker::start().await;
}
