//! The main window's capability grants exactly the commands the UI bindings can call.

use std::collections::BTreeSet;
use std::path::PathBuf;

fn read(rel: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

#[test]
fn every_bound_command_is_granted_and_nothing_else() {
    let bindings = read("../ui/src/lib/ipc/bindings.ts");
    let called: BTreeSet<String> = bindings
        .split("__TAURI_INVOKE(\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().replace('_', "-"))
        .map(|name| format!("allow-{name}"))
        .collect();
    let capability: serde_json::Value =
        serde_json::from_str(&read("capabilities/main.json")).unwrap();
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect();
    assert!(!called.is_empty());
    assert_eq!(
        called, granted,
        "capabilities/main.json must grant exactly the commands in bindings.ts"
    );
}

/// build.rs declares the commands Tauri may grant; one missing there is denied at run time.
#[test]
fn every_granted_command_is_declared_in_the_build_script() {
    let build = read("build.rs");
    let list = build
        .split("const COMMANDS: &[&str] = &[")
        .nth(1)
        .and_then(|rest| rest.split("];").next())
        .expect("build.rs lists COMMANDS");
    let declared: BTreeSet<String> = list
        .split('"')
        .skip(1)
        .step_by(2)
        .map(|name| format!("allow-{}", name.replace('_', "-")))
        .collect();
    let capability: serde_json::Value =
        serde_json::from_str(&read("capabilities/main.json")).unwrap();
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        declared, granted,
        "build.rs COMMANDS and capabilities/main.json must name the same commands"
    );
}
