pub fn start(worker: Worker) {
    tokio::spawn(async move { worker.run().await });
}
