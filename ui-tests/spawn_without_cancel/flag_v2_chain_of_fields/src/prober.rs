use tokio_util::sync::CancellationToken;

pub struct Prober {
    pub targets: Vec<String>,
}

impl Prober {
    pub async fn probe_forever(&self) {
        loop {
            for target in &self.targets {
                let _ = tokio::net::TcpStream::connect(target).await;
            }
            tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        }
    }
}

pub struct QuietProber {
    pub token: CancellationToken,
}

impl QuietProber {
    pub async fn probe_until_cancelled(&self) {
        loop {
            tokio::select! {
                _ = self.token.cancelled() => break,
                _ = tokio::time::sleep(std::time::Duration::from_secs(3)) => {}
            }
        }
    }

    pub async fn probe_forever(&self) {
        self.probe_until_cancelled().await
    }
}
