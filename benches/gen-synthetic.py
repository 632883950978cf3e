#!/usr/bin/env python3
"""Writes a synthetic async Rust file of about N lines to stdout, for the
linearity and latency measurements in BENCHMARKS.md:

    python3 benches/gen-synthetic.py 1000 > /tmp/synthetic-1k.rs

Each 20-line block is a module with imports, a struct, an async fn with a
loop, a spawn (every other block leaks one) and a channel, so every rule's
trigger words occur and every file is parsed.
"""
import sys

BLOCK = """mod m{i} {{
    use tokio::sync::mpsc;
    use std::time::Duration;
    pub struct State{i} {{ pub count: u64, pub name: String }}
    pub async fn run{i}(state: &mut State{i}) -> u64 {{
        let (tx, mut rx) = mpsc::channel::<u64>(16);
        let handle = tokio::spawn(async move {{
            for n in 0..{i}u64 {{ let _ = tx.send(n * 2 + 1).await; }}
        }});
        while let Some(v) = rx.recv().await {{
            state.count = state.count.wrapping_add(v);
            if state.count % 7 == 0 {{ tokio::time::sleep(Duration::from_millis(1)).await; }}
        }}
        {leak}
        let _ = handle.await;
        state.name.push_str("done");
        state.count
    }}
}}

"""
LEAK = "tokio::spawn(async { loop { tokio::task::yield_now().await; } });"

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
lines = BLOCK.count("\n")
for i in range(max(1, n // lines)):
    sys.stdout.write(BLOCK.format(i=i, leak=LEAK if i % 2 == 0 else "// no leak here"))
