pub fn pause(turns: u32) -> u32 {
    turns * 2
}
