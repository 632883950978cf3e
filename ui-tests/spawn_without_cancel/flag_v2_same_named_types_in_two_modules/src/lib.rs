// Two modules each define a `Client` with a `keep_warm`: the gRPC one
// pings forever, the HTTP one warms up and ends. Where the value is made
// with a path that names one of them, its `keep_warm` is that type's.
pub mod grpc;
pub mod http;
pub mod pool;
pub mod upstreams;
