// A handler's extractor pattern (`State(st): State<AppState>`) binds the
// wrapper's one field: its type is the type argument, and methods on it
// resolve as on a parameter typed `AppState`.
use std::sync::{Arc, Condvar, Mutex};

use axum::extract::{Extension, State};

pub struct Gate {
    open: Mutex<bool>,
    cv: Condvar,
}

impl Gate {
    pub fn wait_open(&self) {
        let mut open = self.open.lock().unwrap();
        while !*open {
            open = self.cv.wait(open).unwrap();
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub gate: Arc<Gate>,
}

pub async fn ready(State(st): State<AppState>) -> u16 {
    st.gate.wait_open(); //~ blocking_call_in_async
    200
}

pub async fn ready_ext(Extension(gate): Extension<Arc<Gate>>) -> u16 {
    gate.wait_open(); //~ blocking_call_in_async
    200
}

// Near misses: a pattern that is not the type's own wrapper, and a wrapper
// of two types, say nothing of the name's type.
pub struct Pair<A, B>(pub A, pub B);

pub async fn other_wrapper(State(st): Shared<AppState>) -> u16 {
    st.gate.wait_open();
    200
}

pub async fn two_types(Pair(st, _): Pair<AppState, u8>) -> u16 {
    st.gate.wait_open();
    200
}
