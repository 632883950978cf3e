#[derive(Clone)]
pub struct InstallOpt;

impl InstallOpt {
    pub async fn process(&self) {
        crate::store::remove_version("partial"); //~ blocking_call_in_async
    }
}
