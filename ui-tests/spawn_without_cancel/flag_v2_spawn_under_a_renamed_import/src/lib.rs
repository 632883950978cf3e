mod handlers;
mod tasks;
