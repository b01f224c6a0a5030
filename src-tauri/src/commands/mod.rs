//! Tauri commands, one file per feature. Each is a thin wrapper over `encore-core`:
//! take the store, read the clock, call one core function.

pub mod app;
pub mod attendance;
pub mod backup;
pub mod chart;
pub mod consent;
pub mod course;
pub mod export;
pub mod family;
pub mod feedback;
pub mod guardian;
pub mod import;
pub mod insight;
pub mod lead;
pub mod lifecycle;
pub mod lock;
pub mod message;
pub mod note;
pub mod package;
pub mod pdf;
pub mod privacy;
pub mod renewal;
pub mod script;
pub mod search;
pub mod segment;
pub mod staff;
pub mod student;
pub mod tagging;
pub mod value;
