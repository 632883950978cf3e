use core::Command;

fn main() -> std::io::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread().build()?;
    let command = Command {
        path: "data.json".to_string(),
    };
    rt.block_on(async {
        command.import().await?;
        command.export().await
    })
}
