pub struct Listener;

impl Listener {
    pub async fn start(&self) {}
}
