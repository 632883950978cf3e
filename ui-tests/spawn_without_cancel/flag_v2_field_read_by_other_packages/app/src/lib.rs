pub fn shutdown(pool: client::Pool) {
    pool.refill.abort();
}
