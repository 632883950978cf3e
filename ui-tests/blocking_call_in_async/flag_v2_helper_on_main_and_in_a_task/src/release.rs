use crate::git;

// On the main thread first, then in a task whose handle it awaits.
pub async fn cut(tag: &str) {
    git::git(&["tag", tag]);
    let t = tag.to_string();
    let push = tokio::spawn(async move {
        git::git(&["push", "origin", &t]) //~ blocking_call_in_async
    });
    render_changelog().await;
    let _ = push.await;
}

// Tasks kept in a Vec, then one detached.
pub async fn backup(tag: &str) {
    git::git(&["bundle", "create", tag]);
    let mut tasks = Vec::new();
    for remote in ["origin", "mirror"] {
        let t = tag.to_string();
        tasks.push(tokio::spawn(async move {
            git::git(&["push", remote, &t]) //~ blocking_call_in_async
        }));
    }
    for t in tasks {
        let _ = t.await;
    }
    tokio::spawn(async {
        git::git(&["gc"]);
    });
}

// Only on the main thread: not reported.
pub async fn tag_only(tag: &str) {
    git::git(&["tag", "-f", tag]);
    render_changelog().await;
    git::git(&["push", "--tags"]);
}

async fn render_changelog() {
    tokio::time::sleep(std::time::Duration::from_millis(10)).await;
}
