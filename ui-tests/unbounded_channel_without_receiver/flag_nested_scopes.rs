// Channels created in closures, async blocks, loops and macro bodies.
use tokio::sync::mpsc;

pub fn in_spawned_task(registry: Registry) {
    tokio::spawn(async move {
        let (tx, _rx) = mpsc::unbounded_channel(); //~ unbounded_channel_without_receiver
        registry.subscribe(tx).await;
    });
}

pub fn in_loop(shards: &[Shard]) {
    for shard in shards {
        let (tx, rx) = mpsc::unbounded_channel::<Command>(); //~ unbounded_channel_without_receiver
        shard.set_sink(tx);
    }
}

pub fn in_closure(conns: Vec<Conn>) -> Vec<Session> {
    conns
        .into_iter()
        .map(|conn| {
            let (tx, _) = mpsc::unbounded_channel(); //~ unbounded_channel_without_receiver
            Session::new(conn, tx)
        })
        .collect()
}

pub async fn in_select_branch(ready: &tokio::sync::Notify, registry: &Registry) {
    tokio::select! {
        _ = ready.notified() => {
            let (tx, _rx) = mpsc::unbounded_channel(); //~ unbounded_channel_without_receiver
            registry.subscribe(tx).await;
        }
        _ = tokio::time::sleep(std::time::Duration::from_secs(5)) => {}
    }
}

/// The only `rx` that is read is the inner block's own binding.
pub fn inner_block(feed: &Feed) {
    let (tx, rx) = mpsc::unbounded_channel::<Quote>(); //~ unbounded_channel_without_receiver
    {
        let rx = feed.replay();
        rx.for_each(|q| println!("{q:?}"));
    }
    feed.forward_to(tx);
}
