// A sync method of the crate called on the value a fn of the crate returns
// (`db::global().settle()`, `Db::open(p)?.compact()`) is known by the type
// the fn declares, as through a `let` it would be.
mod api;
mod db;
