mod bg;
mod offload;
mod probe;
pub mod relay;
pub mod watch;

// Re-exported under other names: `background` starts a task and drops its
// handle, `launch` hands the handle back.
pub use bg::detach as background;
pub use bg::start as launch;

use std::time::Duration;

// A fn imported by the name of its module: `offload` is the fn here.
use offload::offload;

pub fn start_scrubber() {
    offload("scrubber", move || loop { //~ spawn_without_cancel
        std::thread::sleep(Duration::from_secs(300));
    });
}
