use std::time::Duration;

use crate::health;

pub fn watch_health(host: String) {
    health::background(check_forever(host.clone())); //~ spawn_without_cancel
    health::quietly(check_forever(host)); //~ spawn_without_cancel
}

pub async fn check_once(host: String) {
    // Near miss: `checked` awaits the future in place.
    health::checked(check_forever(host)).await;
}

async fn check_forever(host: String) {
    loop {
        tokio::time::sleep(Duration::from_secs(5)).await;
        tracing::debug!(%host, "checked");
    }
}
