// A sync helper called on a field: its type is the one the struct declares,
// here or in another file.
mod app;
mod store;

use std::sync::Arc;

pub struct Local {
    store: Arc<store::Store>,
    quiet: store::Quiet,
    plugin: Box<dyn store::Plugin>,
}

impl Local {
    pub async fn handle(&self) {
        // Flagged: `Store::wait_for_peer` sleeps.
        self.store.wait_for_peer(); //~ blocking_call_in_async
        // Not flagged: `Quiet::wait_for_peer` does not block.
        self.quiet.wait_for_peer();
        // Not flagged: a trait object's method is any type's.
        self.plugin.wait_for_peer();
    }
}

pub async fn serve(app: Arc<app::App>) {
    // Flagged: `App` (another file) declares `store: Arc<Store>`.
    app.store.wait_for_peer(); //~ blocking_call_in_async
}
