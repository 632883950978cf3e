// The twin of ok_v2_closure_param_is_not_the_let: here the closure has no
// parameter of that name, so `t` is the outer timer, and it is leaked.
use std::mem;
use std::time::Duration;

use tokio::time::interval;

pub fn forget_in_closure(handles: Vec<Handle>) {
    let t = interval(Duration::from_secs(1)); //~ timer_never_dropped
    let run = move |_h: Handle| mem::forget(t);
    handles.into_iter().take(1).for_each(run);
}
