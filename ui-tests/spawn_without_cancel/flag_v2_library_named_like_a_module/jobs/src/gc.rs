/// Reached from `main` once, through `jobs::init` and `jobs::start_gc`.
pub fn sweep_forever() {
    tokio::spawn(async {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
        }
    });
}
