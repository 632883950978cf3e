mod data;

use fluvio_future::task::run_block_on;

fn main() {
    let root = cli::parse();
    run_block_on(root.process());
}

mod cli {
    use crate::data;

    pub fn parse() -> RootCmd {
        RootCmd::Delete(Box::new(DeleteOpt))
    }

    pub enum RootCmd {
        Delete(Box<DeleteOpt>),
        Serve(ServeOpt),
        Jobs(jobs::Job),
    }

    impl RootCmd {
        pub async fn process(self) {
            match self {
                Self::Delete(opt) => opt.process().await,
                Self::Serve(opt) => opt.process().await,
                Self::Jobs(job) => job.process().await,
            }
        }
    }

    pub struct DeleteOpt;

    impl DeleteOpt {
        pub async fn process(self) {
            data::delete_data_dir();
        }
    }

    pub struct ServeOpt;

    impl ServeOpt {
        pub async fn process(self) {
            tokio::spawn(async move {
                data::delete_data_dir(); //~ blocking_call_in_async
            });
        }
    }

    pub mod jobs {
        pub enum Job {
            Purge(Purge),
        }

        pub struct Purge;

        impl Purge {
            pub async fn run(&self) {
                crate::data::delete_data_dir();
            }
        }

        impl Job {
            pub async fn process(self) {
                match self {
                    Self::Purge(p) => p.run().await,
                }
            }
        }
    }
}
