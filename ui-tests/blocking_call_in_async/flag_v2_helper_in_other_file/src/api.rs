use crate::storage;

pub async fn get_user(id: u64) -> Option<String> {
    let raw = storage::load_record("users", id)?;
    Some(raw.trim().to_string())
}
