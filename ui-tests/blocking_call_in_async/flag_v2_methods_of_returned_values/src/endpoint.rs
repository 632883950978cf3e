pub struct Endpoint {
    dir: String,
}

pub trait Stoppable {
    fn halt(&self);
}

impl Endpoint {
    pub fn load(dir: &str) -> std::io::Result<Self> {
        Ok(Endpoint { dir: dir.to_string() })
    }

    // Not flagged: `main` awaits it; the spawned task's `.start(5)` is
    // `Broker::start`, on what `Broker::from_env` declares it returns.
    pub async fn start(&self, _timeout: u64) -> std::io::Result<()> {
        std::fs::remove_dir_all(&self.dir)?;
        Ok(())
    }

    // Flagged: the spawned task's `.stop()` is on what `boxed` returns, a
    // `dyn Stoppable`, which may be an `Endpoint`.
    pub async fn stop(&self) -> std::io::Result<()> {
        std::fs::remove_dir_all(&self.dir)?; //~ blocking_call_in_async
        Ok(())
    }

    // Flagged: a macro calls `.restart()` on some value, which may be an
    // `Endpoint` (a macro's field `.start` mentions no method).
    pub async fn restart(&self) -> std::io::Result<()> {
        std::fs::remove_dir_all(&self.dir)?; //~ blocking_call_in_async
        Ok(())
    }
}

impl Stoppable for Endpoint {
    fn halt(&self) {}
}

macro_rules! span_len {
    ($range:expr) => {
        $range.end - $range.start
    };
}

macro_rules! restart_all {
    ($list:expr) => {
        for item in $list {
            let _ = item.restart();
        }
    };
}

pub fn width(range: std::ops::Range<u64>) -> u64 {
    span_len!(range)
}

pub fn restart_everything(list: Vec<Endpoint>) {
    restart_all!(list);
}
