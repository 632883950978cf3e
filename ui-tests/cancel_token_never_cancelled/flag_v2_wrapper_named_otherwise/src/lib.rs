mod background;
pub mod presence;
