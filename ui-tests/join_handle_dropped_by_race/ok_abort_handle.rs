// The loser is aborted through an `AbortHandle` taken before the race.
use futures::future::{select, select_all, Either};

pub async fn relay(a: Conn, b: Conn) {
    let up = tokio::spawn(pipe(a.clone(), b.clone()));
    let down = tokio::spawn(pipe(b, a));
    let up_abort = up.abort_handle();
    let down_abort = down.abort_handle();
    tokio::select! {
        _ = up => down_abort.abort(),
        _ = down => up_abort.abort(),
    }
}

// The function forms hand the losers back, and they are stopped.
pub async fn first_mirror(m1: Mirror, m2: Mirror) {
    let h1 = tokio::spawn(m1.download());
    let h2 = tokio::spawn(m2.download());
    let (_res, _idx, rest) = select_all(vec![h1, h2]).await;
    for h in rest {
        h.abort();
    }
}

pub async fn first_probe(a: Probe, b: Probe) {
    let fast = tokio::spawn(a.probe());
    let slow = tokio::spawn(b.probe());
    match select(fast, slow).await {
        Either::Left((res, other)) => {
            other.abort();
            report(res);
        }
        Either::Right((res, other)) => {
            other.abort();
            report(res);
        }
    }
}

pub async fn kept_for_later(a: Probe, b: Probe) -> Either<(R, JoinHandle<R>), (R, JoinHandle<R>)> {
    let fast = tokio::spawn(a.probe());
    let slow = tokio::spawn(b.probe());
    select(fast, slow).await
}
