//! Streams an upload to object storage in 64 KiB chunks.
use scopeguard::defer;
use tokio::io::{AsyncRead, AsyncReadExt};

pub async fn upload<R: AsyncRead + Unpin>(
    mut body: R,
    store: &objstore::Bucket,
    key: &str,
) -> std::io::Result<u64> {
    let mut chunk = [0u8; 64 * 1024];
    let mut total = 0u64;
    // The guard captures the whole 64 KiB buffer just to log its size: it is
    // pinned until the end of the function (and copied if the closure moves).
    defer! {
        tracing::debug!(buffer = chunk.len(), total, "upload finished");
    }
    let mut part = store.start_multipart(key).await?;
    loop {
        let n = body.read(&mut chunk).await?;
        if n == 0 {
            break;
        }
        part.write(&chunk[..n]).await?;
        total += n as u64;
    }
    part.complete().await?;
    Ok(total)
}
