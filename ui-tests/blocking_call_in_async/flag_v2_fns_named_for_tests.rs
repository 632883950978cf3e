// A fn named for tests (`…_for_test`, `…_for_tests`, `…_for_testing`) is
// test code, as a `#[cfg(test)]` one is: other modules' and crates' tests
// call it, which cannot be `#[cfg(test)]`. Its blocking calls, and the
// blocking calls of the helpers only it calls, are not reported, in it or
// where it is called. A name that only contains such words is not one.
use std::time::Duration;

pub struct Database;

impl Database {
    pub async fn open(path: &str, fresh: bool) -> Database {
        if fresh {
            Self::delete_for_testing(path);
        }
        Database
    }

    fn delete_for_testing(path: &str) {
        std::fs::remove_dir_all(path).unwrap();
    }

    pub async fn open_for_tests(path: &str) -> Database {
        std::fs::remove_dir_all(path).unwrap();
        Database
    }

    pub async fn wait_for_tester(&self) {
        std::thread::sleep(Duration::from_millis(10)); //~ blocking_call_in_async
    }
}

pub async fn seed_for_testing(path: &str) {
    std::fs::write(path, b"seed").unwrap();
}

// A trait's provided methods, alike.
pub trait Harness {
    async fn settle_for_testing(&self) {
        std::thread::sleep(Duration::from_millis(5));
    }

    async fn settle(&self) {
        std::thread::sleep(Duration::from_millis(5)); //~ blocking_call_in_async
    }
}
