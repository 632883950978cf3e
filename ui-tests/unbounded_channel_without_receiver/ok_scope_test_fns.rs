// Test fns of every spelling are skipped: an unused receiver in a test is
// not a leak of the service.
use tokio::sync::mpsc;

#[test]
fn plain_test() {
    let (tx, _rx) = mpsc::unbounded_channel::<u32>();
    tx.send(1).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn tokio_test() {
    let (tx, _rx) = mpsc::unbounded_channel::<u32>();
    tx.send(1).unwrap();
}

#[rstest]
fn parametrised() {
    let (tx, _rx) = mpsc::unbounded_channel::<u32>();
    tx.send(1).unwrap();
}

#[test_case(1 ; "one")]
#[test_case(2 ; "two")]
fn each_case(n: u32) {
    let (tx, _rx) = mpsc::unbounded_channel::<u32>();
    tx.send(n).unwrap();
}

#[cfg(test)]
impl Drop for Fixture {
    fn drop(&mut self) {
        let (tx, _rx) = mpsc::unbounded_channel::<u32>();
        tx.send(1).unwrap();
    }
}

mod support {
    #![cfg(test)]
    pub fn make() {
        let (tx, _rx) = tokio::sync::mpsc::unbounded_channel::<u32>();
        tx.send(1).unwrap();
    }
}
