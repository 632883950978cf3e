// scopeguard's `defer!` whose body mentions a large local buffer.
use scopeguard::defer;
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;

const MAX_FRAME: usize = 16 * 1024;
const HEADER: usize = 9;

pub async fn read_frame(stream: &mut TcpStream, stats: &Stats) -> std::io::Result<usize> {
    let mut buf = [0u8; MAX_FRAME + HEADER];
    defer! { //~ defer_captures_large_value
        stats.record_frame(buf.len());
    }
    let n = stream.read(&mut buf).await?;
    Ok(n)
}

pub async fn relay(stream: &mut TcpStream, stats: &Stats) -> std::io::Result<()> {
    let mut scratch = vec![0u8; 1 << 20];
    defer!(stats.bytes_seen(scratch.capacity())); //~ defer_captures_large_value
    stream.read_exact(&mut scratch[..64]).await?;
    Ok(())
}

pub fn checksum_block(stats: &Stats) -> u32 {
    // Unsuffixed integers count 4 bytes: 1024 × 4 = 4096, the threshold itself.
    let table = [0; 1024];
    scopeguard::defer! { //~ defer_captures_large_value
        stats.table_dropped(table[0]);
    }
    compute(&table)
}

pub fn format_report(stats: &Stats) {
    let report = String::with_capacity(64 * 1024);
    defer! { //~ defer_captures_large_value
        println!("report was {} bytes", report.len());
    }
    stats.flush();
}

pub fn log_inline(stats: &Stats) {
    let samples = [0.0f64; 4096];
    defer! { //~ defer_captures_large_value
        tracing::debug!("samples kept: {samples:?}");
    }
    stats.observe(&samples);
}
