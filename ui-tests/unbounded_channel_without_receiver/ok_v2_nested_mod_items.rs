// Near-misses of flag_v2_nested_mod_does_not_shadow: inside the module that
// defines its own `unbounded`, and through `self::`/`super::` paths to it,
// `unbounded` is that fn, not a channel.
use crossbeam_channel::unbounded;

mod queue {
    pub fn unbounded() -> (u8, u8) {
        (0, 0)
    }

    pub fn pair(pool: &Pool) {
        let (tx, rx) = unbounded();
        pool.attach(tx);
        let (tx, rx) = self::unbounded();
        pool.attach(tx);
    }

    pub mod inner {
        pub fn pair(pool: &Pool) {
            let (tx, rx) = super::unbounded();
            pool.attach(tx);
        }
    }
}

pub fn local(pool: &Pool) {
    let (tx, rx) = queue::unbounded();
    pool.attach(tx);
}

pub fn read(pool: &Pool) {
    let (tx, rx) = unbounded::<Job>();
    pool.attach(tx);
    pool.drain(rx);
}
