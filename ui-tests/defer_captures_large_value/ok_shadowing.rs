// The binding in scope at the guard is what counts.
use scopeguard::{defer, guard};

pub fn shadowed_by_a_small_one(log: &Log) {
    let buf = [0u8; 1 << 16];
    let buf = buf.len();
    defer! { log.bytes(buf); }
}

pub fn large_one_ended_with_its_block(log: &Log) {
    let data = 7u32;
    {
        let data = vec![0u8; 1 << 20];
        log.first(data[0]);
    }
    defer! { log.value(data); }
}

pub fn closure_parameter_shadows(log: &Log, conn: Conn) {
    let buf = [0u8; 1 << 16];
    let _g = guard(conn, |buf| buf.close());
    log.bytes(buf.len());
}

pub fn shadowed_inside_the_body(log: &Log) {
    let buf = vec![0u8; 1 << 20];
    defer! {
        let buf = log.snapshot();
        log.write(buf);
    }
    consume(buf);
}

pub fn large_binding_inside_the_guard(log: &Log) {
    let _g = guard((), |_| {
        let scratch = [0u8; 1 << 16];
        log.bytes(scratch.len());
    });
    defer! {
        let tmp = vec![0u8; 1 << 20];
        log.bytes(tmp.len());
    }
}

pub fn field_with_the_same_name(log: &Log, req: &Request) {
    let body = [0u8; 1 << 16];
    defer! { log.bytes(req.body.len()); }
    consume(&body);
}
