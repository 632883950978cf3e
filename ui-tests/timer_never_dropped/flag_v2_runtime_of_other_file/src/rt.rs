use std::sync::OnceLock;
use tokio::runtime::Runtime;

static RT: OnceLock<Runtime> = OnceLock::new();

pub fn runtime() -> &'static Runtime {
    RT.get_or_init(|| Runtime::new().unwrap())
}

/// A runtime of its own: the caller owns it.
pub fn fresh() -> Runtime {
    Runtime::new().unwrap()
}
