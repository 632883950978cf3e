impl Drop for crate::Poller {
    fn drop(&mut self) {
        self.task.abort();
    }
}
