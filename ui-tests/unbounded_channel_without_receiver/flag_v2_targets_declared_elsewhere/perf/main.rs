mod fixtures;

fn main() {
    let (tx, _rx) = std::sync::mpsc::channel::<u32>();
    tx.send(fixtures::value()).ok();
}
