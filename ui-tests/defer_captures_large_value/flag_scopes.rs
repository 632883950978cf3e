// Nested scopes, loops, async blocks and the binding in scope at the guard.
use scopeguard::{defer, guard};

pub async fn worker(jobs: Jobs, log: Log) {
    let scratch = [0u8; 32 * 1024];
    for job in jobs {
        // The guard lives for one iteration, and pins `scratch` meanwhile.
        defer! { log.job_done(job.id, scratch.len()); } //~ defer_captures_large_value
        job.run().await;
    }
}

pub fn nested_block(log: &Log) {
    let outer = [0u16; 4096];
    {
        let _g = guard((), |_| { //~ defer_captures_large_value
            if outer[0] == 0 {
                log.note("empty");
            }
        });
        log.note("inner");
    }
}

pub fn shadowed_by_a_large_one(log: &Log) {
    let buf = 0u8;
    log.byte(buf);
    let buf = [0u8; 65536];
    defer! { log.bytes(buf.len()); } //~ defer_captures_large_value
}

pub fn inside_async_block(log: Log) {
    tokio::spawn(async move {
        let cache = vec![0u8; 1 << 16];
        defer! { log.evicted(cache.len()); } //~ defer_captures_large_value
        serve(&cache).await;
    });
}

pub fn nested_closure(log: &Log) {
    let table = [0u32; 2048];
    let _g = guard(log, |l| { //~ defer_captures_large_value
        let report = || l.table(table[0]);
        report();
    });
}

pub fn guard_in_match(kind: Kind, log: &Log) {
    let buf = [0u8; 4096];
    match kind {
        Kind::A => {
            defer! { log.a(buf[0]); } //~ defer_captures_large_value
            handle_a();
        }
        Kind::B => handle_b(),
    }
}
