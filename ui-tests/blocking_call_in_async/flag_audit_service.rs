// Audit: service code written from the spec text (flag cases).
use std::fs;
use std::thread;
use std::time::Duration;

pub async fn load_config() -> std::io::Result<String> {
    let s = fs::read_to_string("config.toml")?; //~ blocking_call_in_async
    Ok(s)
}

pub async fn backoff() {
    thread::sleep(Duration::from_millis(100)); //~ blocking_call_in_async
}

pub async fn connect() -> std::io::Result<()> {
    let _s = std::net::TcpStream::connect("127.0.0.1:80")?; //~ blocking_call_in_async
    Ok(())
}

pub async fn serve() -> std::io::Result<()> {
    let l = std::net::TcpListener::bind("0.0.0.0:80")?;
    let (_s, _) = l.accept()?; //~ blocking_call_in_async
    Ok(())
}

pub async fn sync_channel() {
    let (tx, rx) = std::sync::mpsc::channel::<u32>();
    std::thread::spawn(move || tx.send(1).unwrap());
    let _ = rx.recv(); //~ blocking_call_in_async
}

pub fn in_block() {
    tokio::spawn(async {
        std::fs::write("out", b"x").unwrap(); //~ blocking_call_in_async
    });
}

pub async fn nested_block_on() {
    let v = futures::executor::block_on(async { 1 }); //~ blocking_call_in_async
    let _ = v;
    let h = tokio::runtime::Handle::current();
    h.block_on(async {}); //~ blocking_call_in_async
    tokio::runtime::Handle::current().block_on(async {}); //~ blocking_call_in_async
}

pub async fn runtime_block_on() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {}); //~ blocking_call_in_async
}

pub async fn create_dir() {
    fs::create_dir_all("/tmp/x").unwrap();
    let _f = std::fs::File::open("x"); //~ blocking_call_in_async
}
