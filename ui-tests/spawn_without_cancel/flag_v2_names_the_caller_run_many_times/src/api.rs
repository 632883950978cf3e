use std::time::Duration;

use axum::extract::{Json, State};

pub struct AppState;

// A handler, known by the extractors it takes.
pub async fn submit(State(_state): State<AppState>, Json(job): Json<String>) -> String {
    let tracker = Tracker::new(&job);
    tracker.id()
}

// Handed by name to the router; takes no extractor.
pub async fn health() -> &'static str {
    let _probe = probe();
    "ok"
}

pub struct Tracker {
    id: String,
}

impl Tracker {
    fn new(job: &str) -> Tracker {
        tokio::spawn(async move { //~ spawn_without_cancel
            loop {
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
        Tracker { id: job.to_string() }
    }

    fn id(&self) -> String {
        self.id.clone()
    }
}

fn probe() -> u32 {
    std::thread::spawn(|| loop { //~ spawn_without_cancel
        std::thread::sleep(Duration::from_secs(10));
    });
    0
}
