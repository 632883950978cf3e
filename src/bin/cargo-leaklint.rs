//! The `cargo leaklint` subcommand: lints the current package or the
//! workspace's members with leaklint's flags; everything happens in the
//! library (`leaklint::cargo_workspace`).

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    leaklint::allocator::give_back_freed_memory_sooner();
    leaklint::cargo_workspace::run(std::env::args_os())
}
