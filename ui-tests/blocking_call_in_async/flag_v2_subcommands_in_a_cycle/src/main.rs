mod cluster;
mod profile;
mod store;
mod watch;

use cluster::ClusterCmd;
use profile::ProfileOpt;

pub enum RootCmd {
    Profile(ProfileOpt),
    Cluster(ClusterCmd),
    Watch,
}

impl RootCmd {
    pub async fn process(self) {
        match self {
            Self::Profile(opt) => opt.process().await,
            Self::Cluster(cmd) => cmd.process().await,
            Self::Watch => {
                tokio::spawn(watch::Watcher.run(3));
            }
        }
    }
}

fn parse() -> RootCmd {
    RootCmd::Watch
}

fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let command: RootCmd = parse();
    rt.block_on(command.process());
}
