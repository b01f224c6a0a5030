//! Upgrades from every released schema version. `tests/fixtures/schema/v<N>.db` is a school as
//! Encore with N migrations wrote it, with representative rows in every table; each upgrades
//! to exactly the schema of a fresh database and keeps every row.
//!
//! The fixtures are committed. After adding migration N, add its rows to `rows_for` and run
//! `cargo test -p encore-core --test schema_fixtures -- --ignored generate` (it writes only the
//! missing files; never regenerate a released one).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::now;
use encore_core::db::{migrations_up_to, APPLICATION_ID, LATEST_VERSION};
use encore_core::Db;
use rusqlite::types::Value;
use rusqlite::Connection;

fn fixture(version: usize) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/schema")
        .join(format!("v{version}.db"))
}

const T: &str = "2024-09-01 08:00:00.000000000+00:00";

/// Rows for the tables (and columns) that migration `version` brought, written right after it.
fn rows_for(version: usize) -> String {
    let sql = match version {
        1 => "
            INSERT INTO staff (id, name, role, sort_key, created_at) VALUES
                (1, '王老师', 'teacher', 'wang lao shi王老师', '{T}'),
                (2, 'Anna Admin', 'admin', 'anna adminAnna Admin', '{T}');
            INSERT INTO family (id, name, sort_key, created_at, updated_at) VALUES
                (1, '张小明家', 'zhang xiao ming jia张小明家', '{T}', '{T}');
            INSERT INTO guardian (id, family_id, name, sort_key, mobile, wechat_id, email,
                preferred_channel, best_time, created_at, updated_at) VALUES
                (1, 1, '李芳', 'li fang李芳', '13800138000', 'lifang88', 'li@example.com',
                 'wechat', '晚上七点后', '{T}', '{T}');
            INSERT INTO student (id, family_id, name, sort_key, birth_date, gender,
                courses_of_interest, skill_level, status, enrolled_on, created_at, updated_at)
                VALUES (1, 1, '张小明', 'zhang xiao ming张小明', '2016-05-01', 'male', '[\"钢琴\"]',
                 'beginner', 'active', '2024-09-01', '{T}', '{T}');
            INSERT INTO student_guardian VALUES (1, 1, 'mother');
            INSERT INTO note (id, family_id, student_id, guardian_id, author_id, channel, kind,
                body, occurred_at, created_at, updated_at) VALUES
                (1, 1, 1, 1, 1, 'wechat', 'enrollment_talk', '妈妈希望孩子明年考级 FIXTURE-NOTE',
                 '2024-09-01 10:00:00', '{T}', '{T}');
            INSERT INTO setting (key, value) VALUES ('ui.locale', 'zh-CN'), ('school.name', '星光艺术');
            INSERT INTO search_doc (id, kind, ref_id, family_id, keys) VALUES
                (1, 'family', 1, 1, '张小明家 | zhangxiaomingjia | zhang xiao ming jia | zxmj'),
                (2, 'guardian', 1, 1, '李芳 | lifang | li fang | lf | 13800138000 | lifang88'),
                (3, 'student', 1, 1, '张小明 | zhangxiaoming | zhang xiao ming | zxm'),
                (4, 'note', 1, 1, '妈妈希望孩子明年考级 fixture-note');",
        2 => "
            INSERT INTO course (id, name, sort_key, format, lesson_halves, created_at) VALUES
                (1, '钢琴 Piano', 'gang qin piano钢琴 Piano', 'private', 2, '{T}');
            INSERT INTO class (id, course_id, teacher_id, name, sort_key, weekday, start_time,
                created_at) VALUES (1, 1, 1, '钢琴一对一', 'gang qin yi dui yi钢琴一对一', 6, '09:00', '{T}');
            INSERT INTO class_student VALUES (1, 1);
            INSERT INTO package (id, student_id, course_id, purchased_halves, bonus_halves,
                price_cents, currency, purchased_on, valid_from, valid_until, created_at) VALUES
                (1, 1, 1, 20, 2, 480000, 'CNY', '2024-09-01', '2024-09-01', '2025-08-31', '{T}');
            INSERT INTO lesson_session (id, class_id, starts_at, teacher_id, created_at, updated_at)
                VALUES (1, 1, '2024-09-07 09:00:00', 1, '{T}', '{T}');
            INSERT INTO attendance VALUES (1, 1, 'present', 0);
            INSERT INTO ledger_entry (id, student_id, course_id, package_id, kind, halves,
                session_id, occurred_on, reason, author_id, created_at) VALUES
                (1, 1, 1, 1, 'purchase', 20, NULL, '2024-09-01', NULL, 1, '{T}'),
                (2, 1, 1, 1, 'bonus', 2, NULL, '2024-09-01', NULL, 1, '{T}'),
                (3, 1, 1, NULL, 'lesson', -2, 1, '2024-09-07', NULL, 1, '{T}'),
                (4, 1, 1, 1, 'correction', -1, NULL, '2024-09-08', '补录', 2, '{T}');",
        3 => "
            INSERT INTO guardian_motivation (id, guardian_id, primary_type, secondary_type,
                suggested_type, answers, questionnaire_version, tagged_by, tagged_at) VALUES
                (1, 1, 'honors', 'future', 'honors', '[{\"questionId\":\"hope\",\"optionIds\":[\"stage\"]}]', 1, 1, '{T}');
            INSERT INTO tag (id, name, folded, sort_key, created_at) VALUES
                (1, '老客户', '老客户', 'lao ke hu老客户', '{T}');
            INSERT INTO tag_link (id, tag_id, guardian_id, student_id, added_at) VALUES
                (1, 1, 1, NULL, '{T}'), (2, 1, NULL, 1, '{T}');",
        4 => "
            INSERT INTO package_state VALUES (1, 1, 1, 19, '2025-08-31');",
        5 => "
            UPDATE package SET sold_by = 2 WHERE id = 1;
            INSERT INTO renewal_cycle (id, student_id, course_id, package_id, status, meeting_at,
                opened_at, updated_at) VALUES
                (1, 1, 1, 1, 'meeting_scheduled', '2025-08-01 10:00:00', '{T}', '{T}');
            INSERT INTO note (id, family_id, student_id, guardian_id, author_id, channel, kind,
                body, occurred_at, created_at, updated_at, automatic) VALUES
                (2, 1, 1, NULL, 2, 'in_person', 'renewal_talk', '续费：已约面谈', '2025-07-20 15:00:00',
                 '{T}', '{T}', 1);",
        6 => "
            INSERT INTO achievement (id, student_id, kind, title, result, occurred_on,
                description, created_at, updated_at) VALUES
                (1, 1, 'competition', '春季少儿钢琴比赛', '二等奖', '2025-04-12', NULL, '{T}', '{T}');
            INSERT INTO achievement_media (id, achievement_id, stored_name, original_name,
                media_type, bytes, created_at) VALUES
                (1, 1, 'a1-0000000000000001.jpg', '比赛.jpg', 'image', 123456, '{T}');
            INSERT INTO opportunity (id, kind, title, happens_on, course_id, level_min, level_max,
                created_at) VALUES
                (1, 'exam', '冬季考级', '2025-12-20', 1, 'beginner', 'intermediate', '{T}');
            INSERT INTO term_plan VALUES (1, 'beginner', '下学期打牢基础。', '{T}');
            INSERT INTO script_template VALUES
                ('honors', 'renew', 'zh-CN', '学校改过的续费话术 {{ student.name }}', '{T}');",
        7 => "
            INSERT INTO consent (id, family_id, guardian_id, records, media, messages, given_on,
                note, recorded_by, recorded_at) VALUES
                (1, 1, 1, 1, 0, 1, '2024-09-01', '签了纸质同意书', 2, '{T}'),
                (2, 1, NULL, 1, 1, 1, '2025-04-01', NULL, 1, '{T}');",
        8 => "
            INSERT INTO prospect (id, guardian_name, phone, child_name, child_birth_year, course_id,
                source, referred_by_family_id, first_contact_on, notes, created_at, updated_at,
                family_id, student_id, converted_on, closed_reason, closed_text, closed_on) VALUES
                (1, '李芳', '13800138000', '张小明', 2016, 1, 'walk_in', NULL, '2024-08-20', NULL,
                 '{T}', '{T}', 1, 1, '2024-09-01', NULL, NULL, NULL),
                (2, '王芳', '13900001111', '王小雨', 2018, 1, 'referral', 1, '2025-03-01',
                 '张小明家介绍来的', '{T}', '{T}', NULL, NULL, NULL, NULL, NULL, NULL),
                (3, '陈静', NULL, '陈一', NULL, NULL, 'flyer', NULL, '2025-03-05', NULL, '{T}', '{T}',
                 NULL, NULL, NULL, 'schedule', '周末没空', '2025-03-20');
            INSERT INTO trial_lesson (id, prospect_id, course_id, class_id, scheduled_at, outcome,
                outcome_reason, recorded_at, recorded_by, created_at) VALUES
                (1, 1, 1, 1, '2024-08-24 16:00:00', 'enrolled', NULL, '{T}', 1, '{T}'),
                (2, 2, 1, NULL, '2025-03-08 16:00:00', 'pending', NULL, NULL, NULL, '{T}'),
                (3, 3, 1, NULL, '2025-03-09 16:00:00', 'no_show', '临时有事', '{T}', 2, '{T}');
            INSERT INTO saved_segment (id, name, folded, definition, created_at, updated_at) VALUES
                (1, '老客户', '老客户', '{\"renewals\":{\"min\":2,\"max\":null}}', '{T}', '{T}');",
        9 => "
            INSERT INTO message_template VALUES
                ('future', 'renewal_reminder', 'zh-CN', '学校改过的续费提醒 {{ student.call }}', '{T}');
            INSERT INTO message_log (id, family_id, student_id, goal, channel, body, note_id,
                copied_by, copied_at) VALUES
                (1, 1, 1, 'renewal_reminder', 'wechat', '小明妈妈，您好！小明的钢琴课还剩19课时。', 1,
                 1, '{T}');
            INSERT INTO family_feedback (id, family_id, student_id, term, teaching, progress,
                communication, overall, body, recorded_by, recorded_at) VALUES
                (1, 1, 1, '2025 春季', 5, 4, NULL, 5, '老师很耐心', 2, '{T}');",
        // Add representative rows for each new migration here before generating its fixture.
        _ => "",
    };
    sql.replace("{T}", T)
}

#[test]
#[ignore = "writes the fixture files; run by hand after adding a migration"]
fn generate() {
    std::fs::create_dir_all(fixture(1).parent().unwrap()).unwrap();
    for version in 1..=LATEST_VERSION {
        let path = fixture(version);
        if path.exists() {
            continue;
        }
        let mut conn = Connection::open(&path).unwrap();
        for step in 1..=version {
            migrations_up_to(step).to_latest(&mut conn).unwrap();
            conn.execute_batch(&rows_for(step)).unwrap();
        }
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        conn.execute_batch("VACUUM").unwrap();
        eprintln!("wrote {}", path.display());
    }
}

#[test]
fn every_released_schema_version_has_a_fixture() {
    for version in 1..=LATEST_VERSION {
        assert!(
            fixture(version).exists(),
            "no fixture for schema version {version}: add its rows to rows_for in \
             src-tauri/core/tests/schema_fixtures.rs, run `cargo test -p encore-core --test \
             schema_fixtures -- --ignored generate` and commit tests/fixtures/schema/v{version}.db"
        );
    }
}

type Rows = BTreeMap<String, (Vec<String>, Vec<Vec<Value>>)>;

/// Every row of every table (FTS internals aside), by table, with the column names.
fn all_rows(conn: &Connection) -> Rows {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table'
             AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables
        .into_iter()
        .map(|table| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
            let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
            let n = columns.len();
            let rows = stmt
                .query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
                .unwrap()
                .collect::<Result<Vec<Vec<Value>>, _>>()
                .unwrap();
            (table, (columns, rows))
        })
        .collect()
}

fn schema(conn: &Connection) -> Vec<(String, String, String, Option<String>)> {
    conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn each_fixture_upgrades_to_the_fresh_schema_and_keeps_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = Db::open(&dir.path().join("fresh.db"), now()).unwrap();
    let expected = fresh.with_conn(|c| Ok(schema(c))).unwrap();
    for version in (1..=LATEST_VERSION).filter(|&v| fixture(v).exists()) {
        let path = dir.path().join(format!("school-v{version}.db"));
        std::fs::copy(fixture(version), &path).unwrap();
        let before = all_rows(&Connection::open(&path).unwrap());
        assert!(
            before["family"].1.len() == 1,
            "v{version} fixture has its rows"
        );

        let db = Db::open(&path, now()).unwrap_or_else(|e| panic!("v{version}: {e}"));
        db.with_conn(|c| {
            assert_eq!(
                schema(c),
                expected,
                "v{version} upgrades to the fresh schema"
            );
            let after = all_rows(c);
            for (table, (columns, rows)) in &before {
                let (after_columns, after_rows) = &after[table];
                let index: Vec<usize> = columns
                    .iter()
                    .map(|col| after_columns.iter().position(|a| a == col).unwrap())
                    .collect();
                for row in rows {
                    let kept = after_rows
                        .iter()
                        .any(|a| index.iter().zip(row).all(|(&i, v)| &a[i] == v));
                    assert!(kept, "v{version}: {table} lost {row:?}");
                }
            }
            if version < 2 {
                return Ok(());
            }
            // Balances kept beside the ledger exist whatever version the file came from.
            let left: i64 = c.query_row(
                "SELECT remaining_halves FROM package_state WHERE package_id = 1",
                [],
                |r| r.get(0),
            )?;
            assert_eq!(
                left, 19,
                "v{version}: 20 + 2 bonus − 2 lesson − 1 correction"
            );
            Ok(())
        })
        .unwrap();
        if version < LATEST_VERSION {
            let copy = format!("school-v{version}.db.v{version}-20261122-093000.bak");
            assert!(
                dir.path().join(copy).exists(),
                "v{version}: copy before upgrade"
            );
        }
    }
}
