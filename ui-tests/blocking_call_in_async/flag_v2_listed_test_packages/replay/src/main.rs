use tool::commands::Command;

// Replays recorded commands, many at once.
fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let mut tasks = Vec::new();
        for path in std::env::args().skip(1) {
            let command = Command { path };
            tasks.push(tokio::spawn(async move { command.import().await }));
        }
        for task in tasks {
            let _ = task.await;
        }
    });
}
