pub use scopeguard::guard;
