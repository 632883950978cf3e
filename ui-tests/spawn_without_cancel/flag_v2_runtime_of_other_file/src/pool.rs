/// Not a runtime: a pool whose `spawn` detaches the task (a spawn wrapper).
pub struct Pool;

static POOL: Pool = Pool;

impl Pool {
    pub fn global() -> &'static Pool {
        &POOL
    }

    pub fn spawn<F>(&self, fut: F)
    where
        F: std::future::Future<Output = ()> + Send + 'static,
    {
        tokio::spawn(fut);
    }
}
