//! A module file's own submodule, imported without `self::`.

mod retry;

use retry::backoff;

pub async fn handler() {
    backoff(); //~ blocking_call_in_async
}
