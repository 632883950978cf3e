// v2: a binary calls its library's spawn wrapper by the library's name
// (`svc_kit::rt::spawn_named`): a call of it is a spawn call.
mod handlers;

#[tokio::main]
async fn main() {
    handlers::serve().await;
}
