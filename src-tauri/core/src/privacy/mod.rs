//! A parent's rights over the family's data: see all of it (a JSON file with every record and
//! a readable PDF), and have it erased completely. Consent itself lives in `consent`, the
//! passcode lock in `lock`.

mod document;
pub mod erase;
pub mod export;
mod tables;

pub use document::{family_document, AttendanceLine, FamilyDocument, RenewalLine, StudentRecord};
pub use erase::{erase, erase_family, scrub, Erasure, ErasureReport, Mention, MentionPlace};
pub use export::family_json;
