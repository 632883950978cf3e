//! leaklint against a bare `syn::parse_file` + one visitor, over the same
//! files on the same thread count, in one process.
//!
//! ```text
//! cargo bench --bench corpus -- /tmp/corpus/top [--threads 2] [--rounds 3] [--only MODE]
//! ```
//!
//! Modes, run in turn each round (best round reported):
//!
//! * `read`: read every file (the I/O floor);
//! * `bare`: read, `syn::parse_file`, one visitor counting calls, drop;
//! * `leaklint`: every rule with the pre-filter (the engine alone);
//! * `crate-model`: what the `leaklint` binary does with `--no-cache`:
//!   discovery, the blocking-fn pre-pass, the engine and the crate pass
//!   (findings decided across files), cold;
//! * `no-prefilter`: every rule, every file parsed.
//!
//! `--only MODE` runs one mode, so the peak RSS printed at the end
//! (`VmHWM`) is that mode's.

// The same allocator as the `leaklint` binary, for both sides of the ratio.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use leaklint::discover::{discover, Discovery};
use leaklint::engine::{lint_all_with, RunOptions, WORKER_STACK_SIZE};
use leaklint::Config;
use rayon::prelude::*;
use syn::visit::Visit;

const MODES: [&str; 5] = ["read", "bare", "leaklint", "crate-model", "no-prefilter"];

struct Args {
    root: PathBuf,
    threads: usize,
    rounds: usize,
    only: Option<String>,
}

fn args() -> Args {
    let mut root = std::env::var_os("LEAKLINT_CORPUS").map(PathBuf::from);
    let mut threads = 2;
    let mut rounds = 3;
    let mut only = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--threads" => threads = it.next().and_then(|v| v.parse().ok()).expect("--threads N"),
            "--rounds" => rounds = it.next().and_then(|v| v.parse().ok()).expect("--rounds N"),
            "--only" => {
                let mode = it.next().expect("--only MODE");
                assert!(MODES.contains(&mode.as_str()), "modes: {MODES:?}");
                only = Some(mode);
            }
            // `cargo bench` passes `--bench`.
            "--bench" => {}
            _ if a.starts_with('-') => panic!("unknown option {a}"),
            _ => root = Some(PathBuf::from(a)),
        }
    }
    let root = root.unwrap_or_else(|| {
        eprintln!(
            "usage: cargo bench --bench corpus -- DIR [--threads N] [--rounds N] [--only MODE]"
        );
        eprintln!("(or set LEAKLINT_CORPUS=DIR)");
        std::process::exit(2);
    });
    Args {
        root,
        threads,
        rounds,
        only,
    }
}

/// Counts calls: the "one visitor" of the baseline.
struct Calls(usize);

impl<'ast> Visit<'ast> for Calls {
    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        self.0 += 1;
        syn::visit::visit_expr_call(self, call);
    }
    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        self.0 += 1;
        syn::visit::visit_expr_method_call(self, call);
    }
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .stack_size(WORKER_STACK_SIZE)
        .build()
        .expect("worker pool")
}

fn read_all(discovery: &Discovery, threads: usize) -> usize {
    pool(threads).install(|| {
        discovery
            .files
            .par_iter()
            .with_max_len(1)
            .map(|f| std::fs::read(&f.path).map_or(0, |b| b.len()))
            .sum()
    })
}

fn bare(discovery: &Discovery, threads: usize) -> usize {
    pool(threads).install(|| {
        discovery
            .files
            .par_iter()
            .with_max_len(1)
            .map(|f| {
                let Ok(text) = std::fs::read_to_string(&f.path) else {
                    return 0;
                };
                let calls = match syn::parse_file(&text) {
                    Ok(file) => {
                        let mut calls = Calls(0);
                        calls.visit_file(&file);
                        calls.0
                    }
                    Err(_) => 0,
                };
                proc_macro2::extra::invalidate_current_thread_spans();
                calls
            })
            .sum()
    })
}

fn leaklint(discovery: &Discovery, config: &Config, threads: usize, prefilter: bool) -> usize {
    let options = RunOptions {
        threads: Some(threads),
        prefilter,
    };
    lint_all_with(discovery, config, &options, None, None)
        .expect("worker pool")
        .diagnostic_count()
}

/// The whole run of `leaklint --no-cache --threads N root` (findings
/// decided across files), its findings counted.
fn crate_model(root: &std::path::Path, threads: usize) -> usize {
    let args = [
        "leaklint".to_string(),
        "--no-cache".to_string(),
        "--threads".to_string(),
        threads.to_string(),
        root.display().to_string(),
    ];
    let cli = leaklint::cli::Cli::parse_args(args).expect("valid arguments");
    leaklint::pipeline::lint(&cli, None)
        .expect("the run succeeds")
        .diagnostic_count()
}

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() {
    let args = args();
    let config = Config::default();
    let start = Instant::now();
    let discovery =
        discover(std::slice::from_ref(&args.root)).expect("the corpus directory exists");
    let discover_time = start.elapsed();
    let files = discovery.files.len();
    let bytes: u64 = discovery
        .files
        .iter()
        .filter_map(|f| std::fs::metadata(&f.path).ok())
        .map(|m| m.len())
        .sum();
    let mib = bytes as f64 / (1024.0 * 1024.0);
    println!(
        "corpus {}: {files} files, {mib:.1} MiB; {} threads; discovery {:.3} s; best of {} rounds",
        args.root.display(),
        args.threads,
        discover_time.as_secs_f64(),
        args.rounds
    );

    let modes: Vec<&str> = match &args.only {
        Some(m) => vec![m.as_str()],
        None => MODES.to_vec(),
    };
    let mut best = vec![Duration::MAX; modes.len()];
    let mut outputs = vec![0usize; modes.len()];
    for _ in 0..args.rounds {
        for (i, mode) in modes.iter().enumerate() {
            let start = Instant::now();
            outputs[i] = match *mode {
                "read" => read_all(&discovery, args.threads),
                "bare" => bare(&discovery, args.threads),
                "leaklint" => leaklint(&discovery, &config, args.threads, true),
                "crate-model" => crate_model(&args.root, args.threads),
                _ => leaklint(&discovery, &config, args.threads, false),
            };
            best[i] = best[i].min(start.elapsed());
        }
    }

    let bare_time = modes.iter().position(|m| *m == "bare").map(|i| best[i]);
    println!(
        "{:<14} {:>9} {:>10} {:>9} {:>12}  output",
        "mode", "time s", "files/s", "MiB/s", "vs bare"
    );
    for (i, mode) in modes.iter().enumerate() {
        let secs = best[i].as_secs_f64();
        let ratio = bare_time.map_or("-".to_string(), |b| {
            format!("{:.2}x", secs / b.as_secs_f64())
        });
        let what = match *mode {
            "read" => "bytes",
            "bare" => "calls",
            _ => "findings",
        };
        println!(
            "{mode:<14} {secs:>9.3} {:>10.0} {:>9.1} {ratio:>12}  {} {what}",
            files as f64 / secs,
            mib / secs,
            outputs[i],
        );
    }
    if let Some(rss) = peak_rss_mib() {
        println!("peak RSS (VmHWM) of this process: {rss:.1} MiB");
    }
}
