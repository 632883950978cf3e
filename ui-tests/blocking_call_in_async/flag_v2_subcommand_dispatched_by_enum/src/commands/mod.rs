pub mod install;
pub mod uninstall;
