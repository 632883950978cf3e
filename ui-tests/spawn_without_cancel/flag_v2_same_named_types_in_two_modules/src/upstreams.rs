use crate::grpc;

pub fn on_upstream_added(endpoint: String) {
    // Flagged: through the module's import, `grpc::Client`.
    let c = grpc::Client::new(&endpoint);
    tokio::spawn(async move { c.keep_warm().await }); //~ spawn_without_cancel
}

pub fn warm_unknown(c: impl Warm + Send + 'static) {
    // Not flagged: a type parameter may be either.
    tokio::spawn(async move { c.keep_warm().await });
}

pub trait Warm {
    fn keep_warm(&self) -> impl std::future::Future<Output = ()> + Send;
}
