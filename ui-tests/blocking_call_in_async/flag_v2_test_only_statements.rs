// A statement, a match arm or a struct literal's field under a `cfg` that
// requires `test` (or a feature for tests or fault injection: `testing`,
// `failpoints`, `failure_injection`) is built only for tests: its blocking
// calls are not reported, in the fn or through a helper that makes them
// there. A `cfg` that also builds outside tests (`not(test)`, `any(test,
// …)`, a feature of its own) keeps them. So is the branch an `if` opens
// only in tests: `if cfg!(test)`, or a failpoint whose production stub
// is the literal `false`.
use std::time::Duration;

pub struct Controller {
    delay: Option<u64>,
}

pub struct Limits {
    pub max: u64,
}

impl Controller {
    // A failpoint: fault injection sleeps here in tests only.
    fn broadcast(&self) {
        #[cfg(feature = "failure_injection")]
        if let Some(ms) = self.delay {
            std::thread::sleep(Duration::from_millis(ms));
        }
    }

    pub async fn heartbeat(&self) {
        self.broadcast();
        #[cfg(test)]
        std::thread::sleep(Duration::from_millis(1));
        #[cfg(test)]
        {
            let _ = std::fs::read("fixture.bin");
        }
        #[cfg(all(test, unix))]
        let _seed = std::fs::read_to_string("seed.txt");
        #[cfg(feature = "failpoints")]
        std::thread::sleep(Duration::from_millis(2));
    }

    pub async fn pick(&self, n: u8) -> Limits {
        match n {
            #[cfg(test)]
            0 => std::thread::sleep(Duration::from_millis(3)),
            _ => {}
        }
        Limits {
            #[cfg(test)]
            max: std::fs::read("max").map(|b| b.len() as u64).unwrap_or(0),
            #[cfg(not(test))]
            max: 8,
        }
    }

    pub async fn tick(&self) {
        #[cfg(not(test))] std::thread::sleep(Duration::from_millis(1)); //~ blocking_call_in_async
        #[cfg(any(test, feature = "slow"))] std::thread::sleep(Duration::from_millis(1)); //~ blocking_call_in_async
        #[cfg(feature = "failover")] std::thread::sleep(Duration::from_millis(1)); //~ blocking_call_in_async
    }
}

#[cfg(not(test))]
fn should_fail_after_commit(_path: &str) -> bool {
    false
}

#[cfg(test)]
fn should_fail_after_commit(path: &str) -> bool {
    path.ends_with(".fail")
}

fn tracing_enabled() -> bool {
    false
}

#[cfg(feature = "slow")]
fn throttled() -> bool {
    false
}

#[cfg(not(feature = "slow"))]
fn throttled() -> bool {
    std::env::var_os("THROTTLE").is_some()
}

fn rollback(path: &str) {
    std::fs::remove_dir_all(path).unwrap();
}

pub async fn commit(path: &str) {
    if should_fail_after_commit(path) {
        rollback(path);
    }
    if cfg!(test) {
        std::thread::sleep(Duration::from_millis(1));
    } else {
        std::thread::sleep(Duration::from_millis(2)); //~ blocking_call_in_async
    }
    // A feature named for tests compiles into any build that turns it on.
    if cfg!(feature = "testing") && path.is_empty() {
        std::thread::sleep(Duration::from_millis(3)); //~ blocking_call_in_async
    }
    // Fault injection is test code.
    if cfg!(feature = "failpoints") && path.is_empty() {
        std::thread::sleep(Duration::from_millis(30));
    }
    if tracing_enabled() {
        std::thread::sleep(Duration::from_millis(4));
    }
    if cfg!(unix) {
        std::thread::sleep(Duration::from_millis(5)); //~ blocking_call_in_async
    }
    if throttled() {
        std::thread::sleep(Duration::from_millis(6)); //~ blocking_call_in_async
    }
    if !should_fail_after_commit(path) {
        rollback(path); //~ blocking_call_in_async
    }
}
