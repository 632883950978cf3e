// Near miss: this module's own `backoff` does not block.
fn backoff() {}

pub async fn settle() {
    backoff();
}
