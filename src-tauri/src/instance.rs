//! One window per database file. A second start on the same file brings the running window
//! to the front (tauri-plugin-single-instance) instead of opening a second one.
//!
//! The check is scoped per database file, not per app: the demo school and a `--db` file must
//! still open beside the school's own file, and a second Encore on the same file reached by
//! another way (another user, another PC over a share, no session bus) must still be told
//! "already open" by the exclusive lock, which stays the backstop. On Linux the plugin's D-Bus
//! name carries a hash of the file's path. On Windows and macOS the plugin only knows the app's
//! identifier, so it is used for the default file only; other files rely on the lock alone.

use tauri::plugin::TauriPlugin;
use tauri::{Manager, Runtime};

use crate::launch::Launch;

/// Which file a launch opens, as a key that two launches on the same file share.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn file_key(launch: &Launch) -> String {
    match &launch.db {
        Some(path) => {
            let absolute = std::path::absolute(path).unwrap_or_else(|_| path.clone());
            // The file may not exist yet; its folder does once any Encore has opened it.
            let real = match (absolute.parent(), absolute.file_name()) {
                (Some(dir), Some(name)) => std::fs::canonicalize(dir)
                    .map(|d| d.join(name))
                    .unwrap_or(absolute.clone()),
                _ => absolute,
            };
            format!("file:{}", real.display())
        }
        None if launch.demo => "demo".into(),
        None => "default".into(),
    }
}

/// FNV-1a: stable across builds, unlike the standard library's hasher.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn bring_to_front<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// The plugin for this launch, or None where the platform cannot scope it to the file.
pub fn plugin<R: Runtime>(launch: &Launch, identifier: &str) -> Option<TauriPlugin<R>> {
    let builder = tauri_plugin_single_instance::Builder::new()
        .callback(|app, _args, _cwd| bring_to_front(app));
    #[cfg(target_os = "linux")]
    {
        Some(
            builder
                .dbus_id(dbus_id(identifier, &file_key(launch)))
                .build(),
        )
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = identifier;
        (launch.db.is_none() && !launch.demo).then(|| builder.build())
    }
}

/// `app.encore.desktop.f<hash>`: a valid D-Bus name element (no leading digit).
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn dbus_id(identifier: &str, key: &str) -> String {
    format!("{identifier}.f{:016x}", fnv1a(key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn launch(db: Option<&str>, demo: bool) -> Launch {
        Launch {
            db: db.map(PathBuf::from),
            demo,
            help: false,
        }
    }

    #[test]
    fn each_file_has_its_own_instance_and_the_same_file_shares_one() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.db");
        let a_again = dir.path().join(".").join("a.db");
        let b = dir.path().join("b.db");
        let key = |p: &std::path::Path| file_key(&launch(Some(p.to_str().unwrap()), false));
        assert_eq!(key(&a), key(&a_again));
        assert_ne!(key(&a), key(&b));
        let keys = [
            file_key(&launch(None, false)),
            file_key(&launch(None, true)),
            key(&a),
        ];
        assert_ne!(keys[0], keys[1], "the demo opens beside the school");
        assert_ne!(keys[1], keys[2]);
    }

    #[test]
    fn the_dbus_name_is_valid_and_stable() {
        let id = dbus_id("app.encore.desktop", "default");
        assert_eq!(id, format!("app.encore.desktop.f{:016x}", fnv1a("default")));
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        let last = id.rsplit('.').next().unwrap();
        assert!(last.starts_with('f') && last.len() == 17);
    }
}
