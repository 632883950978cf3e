// The receiver is dropped while the sender is still used afterwards: every
// later send fails and the work is lost.
use std::sync::mpsc;
use std::thread;

pub fn spawn_indexer(paths: Vec<std::path::PathBuf>) -> thread::JoinHandle<()> {
    let (progress_tx, progress_rx) = mpsc::channel(); //~ unbounded_channel_without_receiver
    // "We don't care about progress for now."
    drop(progress_rx);
    thread::spawn(move || {
        for path in paths {
            index_file(&path);
            let _ = progress_tx.send(path);
        }
    })
}

pub async fn notifier(users: Vec<User>) {
    let (mail_tx, mail_rx) = async_channel::unbounded(); //~ unbounded_channel_without_receiver
    std::mem::drop(mail_rx);
    for user in users {
        if mail_tx.send(Mail::welcome(&user)).await.is_err() {
            tracing::warn!("mail queue closed");
        }
    }
}

pub fn dropped_in_branch(cfg: &Config) -> Uploader {
    let (tx, rx) = flume::unbounded(); //~ unbounded_channel_without_receiver
    if !cfg.upload_enabled {
        drop(rx);
    }
    Uploader { queue: tx }
}

/// Read once for the handshake, then dropped while the sender keeps sending.
pub async fn handshake_then_stream(frames: Vec<Frame>) {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel(); //~ unbounded_channel_without_receiver
    tx.send(Frame::hello()).ok();
    let _hello = rx.recv().await;
    drop(rx);
    for frame in frames {
        let _ = tx.send(frame);
    }
}
