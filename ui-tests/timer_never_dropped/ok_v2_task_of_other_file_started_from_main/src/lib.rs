// `init_state` spawns the notification worker once; only the binary's
// `main` calls it, so the worker and its interval live as long as the
// process, as they would if `main` spawned it.
pub mod application;
pub mod notify;
