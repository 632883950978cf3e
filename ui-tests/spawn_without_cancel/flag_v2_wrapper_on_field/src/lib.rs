// A spawn wrapper called on a field or a variable of a crate type, in
// another file (a file is read for wrapper calls when it says `spawn`).
mod util;

use util::{Keeper, Tasks};

pub struct Node {
    tasks: Tasks,
    keeper: Keeper,
}

impl Node {
    pub fn start(&self) {
        // Flagged: `Tasks::spawn` spawns its argument and drops the handle.
        self.tasks.spawn("ticker", async { //~ spawn_without_cancel
            loop {
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        });
    }

    pub fn start_kept(&mut self) {
        // Not flagged: `Keeper::spawn` keeps the handle.
        self.keeper.spawn(async {
            loop {
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        });
    }
}

pub fn start_local(tasks: &Tasks) {
    // Flagged: a parameter of type `Tasks`.
    tasks.spawn("local", async { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    });
}
