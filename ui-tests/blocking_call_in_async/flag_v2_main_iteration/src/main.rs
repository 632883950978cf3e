// Futures that `main` makes while iterating over values it holds, and
// awaits right there, run on the main thread. A closure kept for later (a
// request handler, a stream of requests) runs on the workers.
use futures::StreamExt;

async fn checksum(path: &str) -> usize {
    std::fs::read(path).map_or(0, |b| b.len())
}

async fn serve_file(path: String) -> std::io::Result<Vec<u8>> {
    std::fs::read(path) //~ blocking_call_in_async
}

async fn warm(path: &str) -> usize {
    std::fs::read(path).map_or(0, |b| b.len()) //~ blocking_call_in_async
}

#[tokio::main]
async fn main() {
    let paths = vec!["a", "b"];
    // Not reported: polled by `main`'s own future.
    futures::future::join_all(paths.iter().map(|p| checksum(p))).await;
    futures::future::join_all(paths.iter().map(|p| async move { std::fs::read(p) })).await;
    let _sizes: Vec<_> = futures::stream::iter(paths.clone())
        .map(|p| async move { std::fs::read(p) })
        .buffer_unordered(4)
        .collect()
        .await;

    // The same, spawned: a worker.
    tokio::spawn(futures::future::join_all(paths.iter().map(|p| warm(p))));

    // A handler closure and a stream of requests: the workers.
    let handler = |p: String| async move { std::fs::read(p) }; //~ blocking_call_in_async
    let (_tx, rx) = tokio::sync::mpsc::channel::<String>(8);
    let requests = tokio_stream::wrappers::ReceiverStream::new(rx);
    let _served = requests.map(|p| async move { serve_file(p).await });
    let (_tx2, rx2) = tokio::sync::mpsc::channel::<String>(8);
    let numbered = tokio_stream::wrappers::ReceiverStream::new(rx2);
    let _logged = numbered.enumerate().map(|(_, p)| async move { std::fs::read(p) }); //~ blocking_call_in_async
    axum::serve(listener(), axum::Router::new().route("/", axum::routing::get(move || handler("x".into())))).await.unwrap();
}

fn listener() -> tokio::net::TcpListener {
    unimplemented!()
}
