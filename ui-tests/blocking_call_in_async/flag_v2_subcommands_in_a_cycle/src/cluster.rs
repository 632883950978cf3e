pub enum ClusterCmd {
    Delete(DeleteOpt),
    Shutdown,
}

impl ClusterCmd {
    pub async fn process(self) {
        match self {
            Self::Delete(opt) => opt.process().await,
            Self::Shutdown => ShutdownOpt.process().await,
        }
    }
}

pub struct DeleteOpt;

impl DeleteOpt {
    pub async fn process(self) {
        crate::store::remove_all("data");
    }
}

pub struct ShutdownOpt;

impl ShutdownOpt {
    pub async fn process(self) {
        std::fs::remove_dir_all("run").unwrap();
    }
}
