use tokio_util::sync::CancellationToken;

pub async fn watch(token: CancellationToken) {
    tokio::signal::ctrl_c().await.ok();
    token.cancel();
}

pub async fn run(token: CancellationToken) {
    token.cancelled().await;
}

pub async fn guard_until_done(token: CancellationToken) {
    let _guard = token.clone().drop_guard();
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
}

pub async fn relay(first: CancellationToken, second: CancellationToken) {
    second.cancelled().await;
    first.cancel();
}

pub async fn watch_clone(token: CancellationToken) {
    let watchdog = token.clone();
    tokio::signal::ctrl_c().await.ok();
    watchdog.cancel();
}

pub async fn watch_via_helper(token: CancellationToken) {
    tokio::signal::ctrl_c().await.ok();
    fire(&token);
}

fn fire(token: &CancellationToken) {
    token.cancel();
}

pub async fn run_logged(token: CancellationToken) {
    let mine = token.clone();
    tracing::info!("waiting for shutdown: {:?}", mine);
    mine.cancelled().await;
    drop(token);
}

// Hands its tasks children of its token: none of them can cancel it.
pub async fn fan_out(shutdown: CancellationToken) {
    tokio::spawn(run(shutdown.child_token()));
    let child = shutdown.child_token();
    tokio::spawn(run(child));
}

// Hands the token itself to `watch` too.
pub async fn fan_out_and_watch(shutdown: CancellationToken) {
    tokio::spawn(watch(shutdown.clone()));
    tokio::spawn(run(shutdown.child_token()));
}

pub fn log_token(token: &CancellationToken) {
    tracing::debug!("token {:?}", token);
}

pub struct Executor {
    kept: std::sync::Mutex<Vec<CancellationToken>>,
}

impl Executor {
    pub async fn run(&self, cancel: &CancellationToken) {
        cancel.cancelled().await;
    }

    pub fn keep(&self, token: CancellationToken) {
        self.kept.lock().unwrap().push(token);
    }
}

pub fn executors() -> Vec<Executor> {
    Vec::new()
}

pub fn cancel_on_error(token: &CancellationToken) {
    if std::env::var("FAIL").is_ok() {
        token.cancel();
    }
}

static REGISTERED: std::sync::Mutex<Vec<CancellationToken>> = std::sync::Mutex::new(Vec::new());

pub fn register(token: &CancellationToken) {
    REGISTERED.lock().unwrap().push(token.clone());
}

pub fn keep_any<T: Send + 'static>(value: T) {
    std::mem::forget(value);
}
