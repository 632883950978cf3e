// A value unwrapped by a pattern (`if let Ok(v) = …`, `let Some(v) = … else`,
// a `match` arm) has the type the constructor gives, as through `?`.
pub struct Verifier;

impl Verifier {
    pub fn new() -> Result<Self, ()> {
        Ok(Verifier)
    }

    pub async fn run(&mut self) {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    }
}

pub fn start_if_let() {
    let verifier = Verifier::new();
    if let Ok(mut v) = verifier {
        tokio::spawn(async move { //~ spawn_without_cancel
            v.run().await;
        });
    }
}

pub fn start_let_else() {
    let Ok(mut v) = Verifier::new() else {
        return;
    };
    tokio::spawn(async move { //~ spawn_without_cancel
        v.run().await;
    });
}

pub fn start_match() {
    match Verifier::new() {
        Ok(mut v) => {
            tokio::spawn(async move { //~ spawn_without_cancel
                v.run().await;
            });
        }
        Err(()) => {}
    }
}

pub struct Report;

impl Report {
    pub async fn run(&self) {}
}

// Near miss: the error of a fallible constructor is not the value.
pub fn start_on_error(fallback: Report) {
    if let Err(_e) = Verifier::new() {
        tokio::spawn(async move {
            fallback.run().await;
        });
    }
}
