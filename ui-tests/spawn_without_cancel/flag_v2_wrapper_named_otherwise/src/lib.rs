mod bg;
mod offload;
mod probe;
pub mod watch;

use std::time::Duration;

// A fn imported by the name of its module: `offload` is the fn here.
use offload::offload;

pub fn start_scrubber() {
    offload("scrubber", move || loop { //~ spawn_without_cancel
        std::thread::sleep(Duration::from_secs(300));
    });
}
