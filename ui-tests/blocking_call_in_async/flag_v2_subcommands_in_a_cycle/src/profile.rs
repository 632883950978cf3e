pub struct ProfileOpt {
    pub then: Option<Box<crate::RootCmd>>,
}

impl ProfileOpt {
    pub async fn process(self) {
        match self.then {
            Some(next) => Box::pin(next.process()).await,
            None => CurrentOpt {}.process(),
        }
    }
}

pub struct CurrentOpt {}

impl CurrentOpt {
    pub fn process(self) {
        let profile = std::fs::read_to_string("profile.toml").unwrap();
        println!("{profile}");
    }
}
