pub struct UninstallOpt;

impl UninstallOpt {
    pub async fn process(&self) {
        crate::store::remove_version("current");
    }
}
