// A fn whose timer loop is started by production code only through a
// call leaklint cannot see (here: nobody), and by a test's spawn: the
// test's task ends with the test, so the timer is not reported.
use std::time::Duration;

pub async fn report_readiness() {
    let mut interval = tokio::time::interval(Duration::from_secs(10));
    loop {
        interval.tick().await;
        publish();
    }
}

fn publish() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn reports() {
        tokio::spawn(report_readiness());
    }
}
