//! One view per route.

pub mod activity;
pub mod author_cluster;
pub mod authors;
pub mod home;
pub mod load_error;
pub mod news;
pub mod not_found;
pub mod paper;
pub mod papers;
pub mod person;
