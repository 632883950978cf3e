use std::future::Future;

pub fn spawn_restarting<F, Fut>(make: F)
where
    F: Fn() -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(async move {
        loop {
            make().await;
        }
    });
}
