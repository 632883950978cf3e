// A sync helper that blocks through the crate's re-export of
// `std::thread::sleep`, called by async code.
pub mod helpers;
pub mod sys;

pub async fn handle() {
    helpers::pause(); //~ blocking_call_in_async
}

pub async fn direct() {
    crate::sys::sleep(std::time::Duration::from_millis(5)); //~ blocking_call_in_async
}
