pub fn run() {
    let (tx, rx) = super::unbounded_channel::<u8>();
    drop((tx, rx));
}
