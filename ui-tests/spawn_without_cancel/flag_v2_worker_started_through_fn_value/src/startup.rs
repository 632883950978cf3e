use std::future::Future;

pub async fn run_once<F, Fut>(start: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = ()>,
{
    start().await;
}

pub async fn run_each<F, Fut>(start: F, names: &[&str])
where
    F: Fn() -> Fut,
    Fut: Future<Output = ()>,
{
    for name in names {
        tracing::info!(name, "starting");
        start().await;
    }
}

pub async fn run_n<F, Fut>(start: F, n: usize)
where
    F: Fn() -> Fut,
    Fut: Future<Output = ()>,
{
    for _ in 0..n {
        start().await;
    }
}
