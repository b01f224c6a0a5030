//! The committed TypeScript bindings must match the commands. Regenerate with
//! `UPDATE_BINDINGS=1 cargo test -p encore --test bindings`.

use std::path::PathBuf;

#[test]
fn committed_bindings_match_the_commands() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/ipc/bindings.ts");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        encore_lib::export_bindings(&committed).expect("bindings export");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("bindings.ts");
    encore_lib::export_bindings(&fresh).expect("bindings export");
    let fresh = std::fs::read_to_string(fresh).unwrap();
    let on_disk = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        fresh == on_disk,
        "ui/src/lib/ipc/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p encore --test bindings` and commit it"
    );
}
