//! The `leaklint` command; everything happens in the library.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    leaklint::allocator::give_back_freed_memory_sooner();
    let status = leaklint::run_status(std::env::args_os());
    leaklint::exit::exit_now(status)
}
