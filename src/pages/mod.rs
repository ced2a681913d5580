//! One view per route.

pub mod home;
pub mod load_error;
pub mod not_found;
pub mod person;
