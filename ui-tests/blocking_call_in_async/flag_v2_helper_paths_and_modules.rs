// v2: a sync helper is found through the module paths of this file, per
// module: `super::`, `self::`, `crate::`, a glob `use super::*`; a nested
// module's own fn of the same name is that module's, not its parent's.
use std::time::Duration;

fn backoff() {
    std::thread::sleep(Duration::from_millis(10));
}

pub async fn by_crate_path() {
    crate::backoff(); //~ blocking_call_in_async
}

pub async fn by_self_path() {
    self::backoff(); //~ blocking_call_in_async
}

mod retry {
    use super::*;

    pub async fn by_glob() {
        backoff(); //~ blocking_call_in_async
    }

    pub async fn by_super() {
        super::backoff(); //~ blocking_call_in_async
    }
}

mod quiet {
    // Near miss: this module's own `backoff` does not block.
    fn backoff() {}

    pub async fn own_helper() {
        backoff();
    }
}
