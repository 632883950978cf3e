//! Since the 2018 edition a `use` path may start at a module declared in
//! the same module, without `crate::` or `self::`: `use workers::pump;`
//! after `mod workers;` names `crate::workers::pump`.

mod workers;
mod quiet;

use workers::pump;
use workers::Flusher;

pub fn start_pump() {
    tokio::spawn(async move { pump().await }); //~ spawn_without_cancel
}

pub fn start_flusher() {
    let flusher = Flusher::new();
    tokio::spawn(async move { flusher.run().await }); //~ spawn_without_cancel
}

pub fn start_from_glob() {
    use workers::*;
    tokio::spawn(async move { drain().await }); //~ spawn_without_cancel
}

pub fn start_in_block() {
    use quiet::pump as quiet_pump;
    // Near miss: `quiet::pump` ends, though `workers::pump` has the same name.
    tokio::spawn(async move { quiet_pump().await });
}

mod inline {
    mod jobs {
        pub async fn tick() {
            loop {
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        }

        pub async fn once() {}
    }

    use jobs::tick;

    pub fn start_tick() {
        tokio::spawn(async move { tick().await }); //~ spawn_without_cancel
    }

    pub fn start_once() {
        use jobs::once;
        // Near miss: `once` ends.
        tokio::spawn(async move { once().await });
    }
}
