pub struct RemoteClient {
    pub id: u64,
}

impl RemoteClient {
    pub fn new(id: u64) -> RemoteClient {
        let this = Self { id };
        this.start();
        this
    }

    pub fn start(&self) {}
}
