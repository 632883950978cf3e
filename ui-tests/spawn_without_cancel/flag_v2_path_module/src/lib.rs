// A module file named by `#[path]`: the loop is in `jobs/ticker_impl.rs`.
#[path = "jobs/ticker_impl.rs"]
mod ticker;

pub fn start_ticker() {
    tokio::spawn(ticker::tick_forever()); //~ spawn_without_cancel
}
