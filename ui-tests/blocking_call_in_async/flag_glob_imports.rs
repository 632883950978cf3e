// Types brought in by a glob import: `File` from `use std::fs::*` is
// `std::fs::File`, as rustc resolves it.
mod handlers {
    use std::fs::*;
    use std::io::Read;

    pub async fn load(path: &str) -> String {
        let mut file = File::open(path).unwrap(); //~ blocking_call_in_async
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap(); //~ blocking_call_in_async
        text
    }

    pub async fn save(path: &str, text: &str) {
        write(path, text).unwrap(); //~ blocking_call_in_async
    }
}

// Near-misses: tokio's `File` through its glob; two globs that could each
// provide `File` (rustc would reject the ambiguity; we cannot tell which);
// a `super::*` glob that brings in the crate's own `File`.
mod async_files {
    use tokio::fs::*;

    pub async fn load(path: &str) {
        let _file = File::open(path).await;
    }
}

mod two_globs {
    use std::fs::*;
    use tokio::fs::*;

    pub async fn load(path: &str) {
        let _file = File::open(path).await;
    }
}

pub struct File;

impl File {
    pub async fn open(_path: &str) {}
}

mod own_file {
    use super::*;
    use std::fs::*;

    pub async fn load(path: &str) {
        File::open(path).await;
    }
}
