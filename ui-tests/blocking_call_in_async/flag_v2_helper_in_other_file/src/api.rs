use crate::storage;

pub async fn get_user(id: u64) -> Option<String> {
    let raw = storage::load_record("users", id)?; //~ blocking_call_in_async
    Some(raw.trim().to_string())
}
