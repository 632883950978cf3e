// std networking and std mpsc receives inside async code.
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;

pub async fn notify_legacy(addr: &str, msg: &[u8]) -> std::io::Result<()> {
    let mut stream = TcpStream::connect(addr)?; //~ blocking_call_in_async
    stream.write_all(msg)
}

pub async fn admin_socket() -> std::io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:9000")?;
    loop {
        let (mut conn, _) = listener.accept()?; //~ blocking_call_in_async
        conn.write_all(b"ok\n")?;
    }
}

pub async fn full_path(addr: std::net::SocketAddr) -> bool {
    std::net::TcpStream::connect(addr).is_ok() //~ blocking_call_in_async
}

pub async fn collect_results(jobs: Vec<Job>) -> Vec<Output> {
    let (tx, rx) = mpsc::channel();
    for job in jobs {
        let tx = tx.clone();
        std::thread::spawn(move || tx.send(job.run()).unwrap());
    }
    drop(tx);
    let mut out = Vec::new();
    while let Ok(result) = rx.recv() { //~ blocking_call_in_async
        out.push(result);
    }
    out
}

pub fn bridge(rt: &tokio::runtime::Runtime) {
    let (tx, rx) = std::sync::mpsc::sync_channel::<Event>(16);
    std::thread::spawn(move || produce(tx));
    rt.spawn(async move {
        loop {
            let event = rx.recv().unwrap(); //~ blocking_call_in_async
            handle(event).await;
        }
    });
}
