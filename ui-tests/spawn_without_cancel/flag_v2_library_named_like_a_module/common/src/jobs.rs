/// A module named like the `jobs` library: its fns share the name `jobs::`.
pub fn describe() -> &'static str {
    "jobs"
}
