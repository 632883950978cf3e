// A value's type known through calls of the crate's fns: what a builder
// fn returns, then what that type's `build` returns, in a chain or through
// `let`s.
pub mod worker;
use worker::{Builder, Instance};

pub fn make_builder() -> Builder {
    Builder {}
}

pub fn through_lets() {
    let b = make_builder();
    let i = b.build().unwrap();
    tokio::spawn(async move { i.run().await }); //~ spawn_without_cancel
}

pub fn chain_then_let() {
    let i = make_builder().build().unwrap();
    tokio::spawn(async move { i.run().await }); //~ spawn_without_cancel
}

pub fn associated_builder() {
    let i = Instance::builder().build().unwrap();
    tokio::spawn(async move { i.run().await }); //~ spawn_without_cancel
}

pub fn one_chain() {
    tokio::spawn(async move { make_builder().build().unwrap().run().await }); //~ spawn_without_cancel
}

// Near-misses: a call leaklint cannot resolve leaves the chain unknown,
// and a method the type does not define is not guessed.
pub fn unknown_start(make: &dyn Fn() -> Builder) {
    let i = make().build().unwrap();
    tokio::spawn(async move { i.run().await });
}

pub fn stoppable() {
    let i = make_builder().build().unwrap();
    tokio::spawn(async move { i.serve().await });
}
