pub const BUF_SIZE: usize = 1 << 20;
pub const FRAMES: usize = 1024;
pub const SMALL: usize = 64;
