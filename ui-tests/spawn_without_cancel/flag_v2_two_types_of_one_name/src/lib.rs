//! Two types named `Client` in two modules. Inside its own `impl`, a
//! type's `self.f()` and `Self::new(…)` are that type's: the method is the
//! one its file defines.
pub mod grpc;
pub mod http;
