impl Drop for crate::cache::Cache {
    fn drop(&mut self) {
        self.refresher.abort();
    }
}
