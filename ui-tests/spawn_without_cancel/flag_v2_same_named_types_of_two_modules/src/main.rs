//! Three types named `Client`, in three modules, each with a
//! `start_keepalive` that detaches an endless task. Which one a call starts
//! is told by the type its receiver is made with.

mod api;
mod boot;
mod grpc;
mod http;
mod ws;

#[tokio::main]
async fn main() {
    boot::run().await;
}
