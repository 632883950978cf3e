pub async fn e1() { e2().await }
async fn e2() { e3().await }
async fn e3() { e4().await }
async fn e4() { e5().await }
async fn e5() {
    loop {
        tokio::task::yield_now().await;
    }
}

pub async fn f1() { f2().await }
async fn f2() { f3().await }
async fn f3() { f4().await }
async fn f4() { f5().await }
async fn f5() { f6().await }
async fn f6() {
    loop {
        tokio::task::yield_now().await;
    }
}
