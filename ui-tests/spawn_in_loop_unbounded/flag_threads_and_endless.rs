// Threads per connection, and endless loops spawning every turn.
use std::net::TcpListener;
use std::thread;
use std::time::Duration;

use tokio::sync::mpsc;

fn handle_client(_stream: std::net::TcpStream) {}

pub fn thread_per_connection(listener: TcpListener) {
    for stream in listener.incoming() {
        let stream = stream.unwrap();
        thread::spawn(move || handle_client(stream)); //~ spawn_in_loop_unbounded
    }
}

pub fn blocking_accept(listener: TcpListener) {
    loop {
        if let Ok((stream, _)) = listener.accept() {
            thread::Builder::new() //~ spawn_in_loop_unbounded
                .name("client".into())
                .spawn(move || handle_client(stream))
                .unwrap();
        }
    }
}

pub async fn every_tick(client: crate::Client) {
    let mut interval = tokio::time::interval(Duration::from_secs(1));
    loop {
        interval.tick().await;
        let client = client.clone();
        tokio::spawn(async move { //~ spawn_in_loop_unbounded
            client.refresh().await;
        });
    }
}

pub async fn every_message(mut rx: mpsc::Receiver<crate::Job>) {
    loop {
        let job = rx.recv().await.expect("sender alive");
        tokio::task::spawn_blocking(move || job.run()); //~ spawn_in_loop_unbounded
    }
}
