pub use std::thread::sleep;
