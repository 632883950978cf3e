// An abort counts only when it is called on the raced handle itself, not on
// a later binding that happens to have the same name.
pub async fn relay_then_retry(a: Conn, b: Conn, c: Conn) {
    let up = tokio::spawn(pipe(a.clone()));
    let down = tokio::spawn(pipe(b));
    tokio::select! {
        _ = up => {} //~ join_handle_dropped_by_race
        _ = down => {} //~ join_handle_dropped_by_race
    }
    let up = tokio::spawn(pipe(c));
    up.abort();
}

