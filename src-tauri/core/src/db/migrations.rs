//! Numbered SQL migrations, embedded at build time. Never edit a released file: add one.

use rusqlite_migration::{Migrations, M};

const STEPS: &[&str] = &[
    include_str!("../../migrations/001_people_and_notes.sql"),
    include_str!("../../migrations/002_class_hours.sql"),
    include_str!("../../migrations/003_tags.sql"),
    include_str!("../../migrations/004_account_state.sql"),
    include_str!("../../migrations/005_renewals.sql"),
    include_str!("../../migrations/006_scripts.sql"),
    include_str!("../../migrations/007_consent.sql"),
    include_str!("../../migrations/008_leads.sql"),
    include_str!("../../migrations/009_messages.sql"),
];

/// The schema version this build writes (`PRAGMA user_version`).
pub const LATEST_VERSION: usize = STEPS.len();

pub fn migrations() -> Migrations<'static> {
    migrations_up_to(LATEST_VERSION)
}

/// The first `version` migrations: how an older Encore shaped its files (for upgrade tests).
pub fn migrations_up_to(version: usize) -> Migrations<'static> {
    Migrations::new(STEPS[..version].iter().map(|sql| M::up(sql)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations()
            .validate()
            .expect("every migration must apply on an empty database");
    }
}
