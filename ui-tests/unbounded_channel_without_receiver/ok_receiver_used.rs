// Receivers that are read, moved or handed on: none is flagged.
use std::thread;

use tokio::sync::mpsc;
use tokio_stream::wrappers::UnboundedReceiverStream;

pub async fn job_queue(pool: WorkerPool) {
    let (job_tx, mut job_rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Some(job) = job_rx.recv().await {
            pool.run(job).await;
        }
    });
    job_tx.send(Job::Warmup).unwrap();
}

pub fn log_shipper(sink: LogSink) -> std::sync::mpsc::Sender<String> {
    let (tx, rx) = std::sync::mpsc::channel();
    thread::spawn(move || {
        for line in rx {
            sink.write(&line);
        }
    });
    tx
}

pub struct EventBus {
    tx: mpsc::UnboundedSender<Event>,
    rx: Option<mpsc::UnboundedReceiver<Event>>,
}

impl EventBus {
    pub fn new() -> Self {
        let (tx, rx) = mpsc::unbounded_channel();
        Self { tx, rx: Some(rx) }
    }
}

pub fn returned_pair() -> (flume::Sender<u8>, flume::Receiver<u8>) {
    let (tx, rx) = flume::unbounded();
    (tx, rx)
}

pub fn returned_early(cfg: &Config) -> Option<async_channel::Receiver<Msg>> {
    let (tx, rx) = async_channel::unbounded();
    cfg.register(tx);
    return Some(rx);
}

pub fn passed_on(router: &mut Router) {
    let (tx, rx) = crossbeam_channel::unbounded();
    router.attach(tx, rx);
}

pub fn wrapped_in_stream(router: &mut Router) {
    let (tx, rx) = mpsc::unbounded_channel::<Update>();
    let stream = UnboundedReceiverStream::new(rx);
    router.attach_stream(tx, stream);
}

pub async fn read_in_select(mut shutdown: Shutdown) {
    let (tx, mut rx) = mpsc::unbounded_channel::<Msg>();
    producer(tx);
    loop {
        tokio::select! {
            Some(msg) = rx.recv() => handle(msg),
            _ = shutdown.wait() => break,
        }
    }
}

pub fn read_in_macro(tx_hint: &str) {
    let (tx, rx) = kanal::unbounded();
    tx.send(1).unwrap();
    assert_eq!(rx.recv().unwrap(), 1, "{tx_hint}");
}

pub fn printed_inline(reporter: &Reporter) {
    let (tx, rx) = flume::unbounded::<Report>();
    reporter.attach(tx);
    tracing::debug!("receiver ready: {rx:?}");
}

pub fn rebound_then_used(feed: &Feed) {
    let (tx, rx) = mpsc::unbounded_channel::<Quote>();
    let rx = rx;
    feed.forward_to(tx);
    feed.consume(rx);
}

pub fn moved_into_thread_closure() -> std::sync::mpsc::Sender<Job> {
    let (tx, rx) = std::sync::mpsc::channel::<Job>();
    let worker = move || loop {
        match rx.recv() {
            Ok(job) => job.run(),
            Err(_) => break,
        }
    };
    thread::spawn(worker);
    tx
}

pub fn futures_receiver_forwarded(bus: &Bus) {
    let (tx, rx) = futures::channel::mpsc::unbounded::<Event>();
    bus.register_futures(tx);
    bus.spawn_forwarder(rx);
}

pub fn deferred_read(shipper: &Shipper) {
    let (tx, rx) = async_std::channel::unbounded::<String>();
    shipper.attach(tx);
    scopeguard::defer! {
        while let Ok(line) = rx.try_recv() {
            eprintln!("unsent: {line}");
        }
    }
}
