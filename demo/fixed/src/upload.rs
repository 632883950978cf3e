//! Streams an upload to object storage in 64 KiB chunks.
use std::sync::atomic::{AtomicU64, Ordering};

use scopeguard::defer;
use tokio::io::{AsyncRead, AsyncReadExt};

pub async fn upload<R: AsyncRead + Unpin>(
    mut body: R,
    store: &objstore::Bucket,
    key: &str,
) -> std::io::Result<u64> {
    let mut chunk = [0u8; 64 * 1024];
    let chunk_len = chunk.len();
    let total = AtomicU64::new(0);
    // The guard captures only what it logs: a length and a counter.
    defer! {
        tracing::debug!(buffer = chunk_len, total = total.load(Ordering::Relaxed), "upload finished");
    }
    let mut part = store.start_multipart(key).await?;
    loop {
        let n = body.read(&mut chunk).await?;
        if n == 0 {
            break;
        }
        part.write(&chunk[..n]).await?;
        total.fetch_add(n as u64, Ordering::Relaxed);
    }
    part.complete().await?;
    Ok(total.load(Ordering::Relaxed))
}
