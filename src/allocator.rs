//! Settings of the binaries' allocator (mimalloc).

use std::ffi::c_long;

use libmimalloc_sys::{mi_option_get, mi_option_set, mi_option_t};

/// mimalloc v3's `mi_option_purge_delay`, by its number in v3's
/// `mi_option_t` (libmimalloc-sys 0.1.49 does not name it).
const PURGE_DELAY: mi_option_t = 15;

/// v3's default purge delay, in milliseconds.
const DEFAULT_PURGE_DELAY_MS: c_long = 1000;

/// How long freed memory stays with the process before it is given back.
const PURGE_DELAY_MS: c_long = 50;

/// Gives freed memory back to the system after 50 ms instead of
/// mimalloc v3's 1 s. A run frees each crate's texts, trees and summaries
/// and then allocates the next crate's: with a 1 s delay those pages pile
/// up (`vendor/` peaked at 157 MiB, 119 MiB now) for a few per cent of wall
/// time on large trees and none on one file, which is done before 50 ms.
///
/// The setting is left alone unless it reads v3's default (so
/// `MIMALLOC_PURGE_DELAY` still wins, and another library version whose
/// option has another number is not changed).
pub fn give_back_freed_memory_sooner() {
    // SAFETY: reading and setting a mimalloc option is thread-safe and has
    // no precondition; an option number out of range is ignored.
    unsafe {
        if mi_option_get(PURGE_DELAY) == DEFAULT_PURGE_DELAY_MS {
            mi_option_set(PURGE_DELAY, PURGE_DELAY_MS);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_is_the_option_set() {
        // The option's v3 default proves the number names the purge delay:
        // another option read there would not be 1,000 and stay unset.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        give_back_freed_memory_sooner();
        let delay = unsafe { mi_option_get(PURGE_DELAY) };
        assert_eq!(delay, PURGE_DELAY_MS);
    }
}
