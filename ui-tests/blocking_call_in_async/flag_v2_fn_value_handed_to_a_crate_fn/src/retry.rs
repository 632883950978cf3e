use std::future::Future;
use std::time::Duration;

pub async fn with_backoff<T, E, F, Fut>(tries: u32, mut f: F) -> Result<T, E>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let mut n = 0;
    loop {
        match f().await {
            Ok(v) => return Ok(v),
            Err(e) if n + 1 >= tries => return Err(e),
            Err(_) => {
                n += 1;
                tokio::time::sleep(Duration::from_millis(100 << n)).await;
            }
        }
    }
}

pub fn detach<F, Fut>(f: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(f());
}

pub fn detach_with<F, Fut>(make: F)
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(async move { make().await });
}

pub fn remember<F>(f: F) -> Box<dyn Fn() -> F>
where
    F: Clone + 'static,
{
    Box::new(move || f.clone())
}
