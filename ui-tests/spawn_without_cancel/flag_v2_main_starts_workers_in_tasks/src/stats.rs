use std::time::Duration;

pub async fn start() {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(15));
        loop {
            tick.tick().await;
            println!("collect");
        }
    });
}

pub fn start_sampler() {
    let rt = tokio::runtime::Handle::current();
    rt.spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
            println!("sample");
        }
    });
}

pub async fn start_exporter() {
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(Duration::from_secs(60)).await;
            println!("export");
        }
    });
}
