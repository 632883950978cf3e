// The loop in the other file observes a CancellationToken.
mod server;

use tokio_util::sync::CancellationToken;

pub fn start(token: CancellationToken) {
    tokio::spawn(async move { server::serve(token).await });
}
