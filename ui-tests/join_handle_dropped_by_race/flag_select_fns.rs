// The function forms hand the losers back; throwing the output away drops them.
use futures::future::{self, select_all, Either};

pub async fn first_of_two(a: Source, b: Source) -> Result<(), Error> {
    let h1 = tokio::spawn(a.fetch());
    let h2 = tokio::spawn(b.fetch());
    match future::select(h1, h2).await { //~ join_handle_dropped_by_race join_handle_dropped_by_race
        Either::Left((res, _)) => res??,
        Either::Right((res, _other)) => res??,
    }
    Ok(())
}

pub async fn any_mirror(mirrors: &[Mirror]) {
    let h1 = tokio::spawn(mirrors[0].clone().download());
    let h2 = tokio::spawn(mirrors[1].clone().download());
    let (res, idx, _) = select_all(vec![h1, h2]).await; //~ join_handle_dropped_by_race join_handle_dropped_by_race
    tracing::info!(idx, ok = res.is_ok(), "first mirror finished");
}

pub async fn race_and_forget(a: Probe, b: Probe) {
    let fast = tokio::spawn(a.probe());
    let slow = tokio::spawn(b.probe());
    future::select(fast, slow).await; //~ join_handle_dropped_by_race join_handle_dropped_by_race
}

// Renamed imports resolve like the originals.
pub async fn renamed(a: Probe, b: Probe) {
    use futures::future::select as race;
    use tokio::time::timeout as deadline;
    let fast = tokio::spawn(a.probe());
    let slow = tokio::spawn(b.probe());
    let _ = race(fast, slow).await; //~ join_handle_dropped_by_race join_handle_dropped_by_race
    let ticker = tokio::spawn(async move {
        loop {
            a.tick().await;
        }
    });
    let _ = deadline(std::time::Duration::from_secs(1), ticker).await; //~ join_handle_dropped_by_race
}

// A result bound to a name and then matched with the losers left out drops
// them as well.
pub async fn first_done(a: Probe, b: Probe) {
    let left = tokio::spawn(a.probe());
    let right = tokio::spawn(b.probe());
    let res = future::select(left, right).await; //~ join_handle_dropped_by_race join_handle_dropped_by_race
    match res {
        Either::Left(_) => tracing::info!("left finished first"),
        Either::Right(_) => tracing::info!("right finished first"),
    }
}

// Near misses: a match that keeps the loser, and a result used otherwise.
pub async fn first_done_then_abort(a: Probe, b: Probe) {
    let left = tokio::spawn(a.probe());
    let right = tokio::spawn(b.probe());
    let res = future::select(left, right).await;
    match res {
        Either::Left((_, other)) => other.abort(),
        Either::Right((_, other)) => other.abort(),
    }
}

pub async fn first_done_kept(a: Probe, b: Probe) -> Either<(R, JoinHandle<R>), (R, JoinHandle<R>)> {
    let left = tokio::spawn(a.probe());
    let right = tokio::spawn(b.probe());
    let res = future::select(left, right).await;
    if let Either::Left(_) = res {
        tracing::info!("left finished first");
    }
    res
}
