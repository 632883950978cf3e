// `net`'s own import, seen by its module file `net/peer.rs`.
use tokio::sync::mpsc as chan;

mod peer;
