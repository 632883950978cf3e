// v2: removing a directory tree through a sync helper is reported by
// default: it takes as long as the tree is large, which the async caller
// cannot see. Reading or writing one file through a helper is not (see
// `ok_v2_file_io_helper.rs`).
use std::path::Path;

fn purge_cache(dir: &Path) -> std::io::Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    Ok(())
}

fn reset_workspace(dir: &Path) -> std::io::Result<()> {
    purge_cache(&dir.join("cache"))?;
    std::fs::create_dir_all(dir.join("cache"))
}

fn write_marker(dir: &Path) -> std::io::Result<()> {
    std::fs::write(dir.join("marker"), b"1")
}

pub async fn delete_tenant(root: &Path) -> std::io::Result<()> {
    write_marker(root)?;
    reset_workspace(root) //~ blocking_call_in_async
}

pub async fn drop_bucket(root: &Path) -> std::io::Result<()> {
    // In a closure handed to the blocking pool: not on the worker.
    let root = root.to_path_buf();
    tokio::task::spawn_blocking(move || purge_cache(&root)).await?
}
