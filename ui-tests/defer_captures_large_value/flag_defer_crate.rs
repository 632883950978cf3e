// The `defer` crate: `defer(closure)` returns a guard that runs the closure on drop.
use defer::defer;

pub fn export_rows(db: &Db, log: &Log) {
    let rows = Vec::<u64>::with_capacity(1024);
    let _d = defer(|| log.rows(rows.len())); //~ defer_captures_large_value
    db.export(&rows);
}

pub fn qualified(log: &Log) {
    let buf: Vec<u32> = Vec::with_capacity(4096);
    let _d = ::defer::defer(move || log.bytes(buf.capacity())); //~ defer_captures_large_value
}
