//! Archiving: records leave the everyday lists but keep their history, and can come back.

use chrono::{DateTime, Utc};
use rusqlite::{params, Transaction};

use crate::error::{Entity, Error, Result};

/// Sets or clears `archived_at` on one row of `table`; NotFound when there is no such row.
pub(crate) fn set(
    tx: &Transaction,
    table: &'static str,
    entity: Entity,
    id: i64,
    archived: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    let changed = tx.execute(
        &format!("UPDATE {table} SET archived_at = ?2 WHERE id = ?1"),
        params![id, archived.then_some(now)],
    )?;
    if changed == 0 {
        return Err(Error::not_found(entity, id));
    }
    Ok(())
}
