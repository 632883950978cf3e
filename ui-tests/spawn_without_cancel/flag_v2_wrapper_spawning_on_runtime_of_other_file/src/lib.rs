// Spawn wrappers whose spawn is `.spawn(…)` on the runtime a fn of another
// file returns, and tasks spawned so directly: the fns the tasks run (in
// metrics.rs) pin their intervals forever.
mod metrics;
mod rt;
mod tasks;

pub fn start_reporting() {
    tasks::detach("report", metrics::report_forever()); //~ spawn_without_cancel
}

pub fn start_compaction() {
    tasks::background(async { //~ spawn_without_cancel
        metrics::compact_forever().await;
    });
}

pub fn start_gossip() {
    rt::runtime().spawn(metrics::gossip_forever()); //~ spawn_without_cancel
}

// Near miss: `run_scoped` spawns on a runtime it owns, so it is no spawn
// wrapper, and the task ends with that runtime.
pub fn start_sampling() {
    tasks::run_scoped(metrics::sample_forever());
}
