//! The `leaklint` command; everything happens in the library.

fn main() -> std::process::ExitCode {
    leaklint::run(std::env::args_os())
}
