use crate::db;

pub async fn settle_global() {
    db::global().settle(); //~ blocking_call_in_async
}

pub async fn settle_opened(path: &str) -> std::io::Result<()> {
    db::Db::open(path)?.settle(); //~ blocking_call_in_async
    Ok(())
}

/// Near miss: `len` waits for nothing.
pub async fn size() -> usize {
    db::global().len()
}

/// Near miss: what another crate's fn returns is not known.
pub async fn settle_foreign() {
    vendor::global().settle();
}
