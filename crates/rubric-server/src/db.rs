//! The SQLite store: schema, opening (WAL, foreign keys), and the shared connection.
use std::sync::{Mutex, MutexGuard};

use rusqlite::Connection;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL, parent_id INTEGER REFERENCES accounts(id));
CREATE TABLE IF NOT EXISTS courses (id INTEGER PRIMARY KEY, name TEXT NOT NULL, account_id INTEGER NOT NULL REFERENCES accounts(id));
CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, token TEXT UNIQUE);
CREATE TABLE IF NOT EXISTS account_admins (user_id INTEGER NOT NULL, account_id INTEGER NOT NULL, PRIMARY KEY (user_id, account_id));
CREATE TABLE IF NOT EXISTS enrollments (user_id INTEGER NOT NULL, course_id INTEGER NOT NULL, role TEXT NOT NULL CHECK (role IN ('teacher', 'student')), PRIMARY KEY (user_id, course_id));
CREATE TABLE IF NOT EXISTS assignments (id INTEGER PRIMARY KEY, course_id INTEGER NOT NULL, title TEXT NOT NULL, points_possible REAL);
CREATE TABLE IF NOT EXISTS submissions (id INTEGER PRIMARY KEY, assignment_id INTEGER NOT NULL, user_id INTEGER NOT NULL, score REAL, attempt INTEGER, UNIQUE (assignment_id, user_id));
CREATE TABLE IF NOT EXISTS peer_reviews (assignment_id INTEGER NOT NULL, assessor_id INTEGER NOT NULL, user_id INTEGER NOT NULL, PRIMARY KEY (assignment_id, assessor_id, user_id));
CREATE TABLE IF NOT EXISTS proficiencies (context_type TEXT NOT NULL, context_id INTEGER NOT NULL, workflow_state TEXT NOT NULL, ratings TEXT NOT NULL, PRIMARY KEY (context_type, context_id));
CREATE TABLE IF NOT EXISTS rubrics (
  id INTEGER PRIMARY KEY, user_id INTEGER, rubric_id INTEGER, context_type TEXT NOT NULL, context_id INTEGER NOT NULL,
  title TEXT NOT NULL, data TEXT NOT NULL, points_possible REAL NOT NULL, reusable INTEGER NOT NULL DEFAULT 0,
  public INTEGER NOT NULL DEFAULT 0, read_only INTEGER NOT NULL DEFAULT 0, free_form_criterion_comments INTEGER NOT NULL DEFAULT 0,
  hide_score_total INTEGER, hide_points INTEGER NOT NULL DEFAULT 0, workflow_state TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rubric_associations (
  id INTEGER PRIMARY KEY, rubric_id INTEGER NOT NULL, association_type TEXT NOT NULL, association_id INTEGER NOT NULL,
  context_type TEXT NOT NULL, context_id INTEGER NOT NULL, use_for_grading INTEGER NOT NULL DEFAULT 0, title TEXT,
  purpose TEXT NOT NULL, hide_score_total INTEGER NOT NULL DEFAULT 0, bookmarked INTEGER NOT NULL DEFAULT 1,
  hide_points INTEGER NOT NULL DEFAULT 0, hide_outcome_results INTEGER NOT NULL DEFAULT 0, workflow_state TEXT NOT NULL DEFAULT 'active',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rubric_assessments (
  id INTEGER PRIMARY KEY, rubric_id INTEGER NOT NULL, rubric_association_id INTEGER, artifact_id INTEGER NOT NULL,
  user_id INTEGER NOT NULL, assessor_id INTEGER NOT NULL, assessment_type TEXT NOT NULL, score REAL, data TEXT,
  artifact_attempt INTEGER, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rubric_imports (
  id INTEGER PRIMARY KEY, context_type TEXT NOT NULL, context_id INTEGER NOT NULL, user_id INTEGER NOT NULL,
  workflow_state TEXT NOT NULL, progress INTEGER NOT NULL, error_count INTEGER NOT NULL, error_data TEXT NOT NULL,
  filename TEXT NOT NULL, size INTEGER NOT NULL, rubric_ids TEXT NOT NULL DEFAULT '[]', created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS rubrics_by_context_title ON rubrics (context_type, context_id, title);
CREATE INDEX IF NOT EXISTS associations_by_rubric ON rubric_associations (rubric_id);
CREATE INDEX IF NOT EXISTS associations_by_context ON rubric_associations (context_type, context_id);
CREATE INDEX IF NOT EXISTS associations_by_object ON rubric_associations (association_type, association_id);
CREATE INDEX IF NOT EXISTS assessments_by_association ON rubric_assessments (rubric_association_id, artifact_id);
";

/// The one connection, behind a mutex: SQLite serialises writers anyway, and every request's
/// work is a few indexed statements.
pub struct Db(Mutex<Connection>);

impl Db {
    /// Opens (creating if needed) the database at `path` (`:memory:` allowed), in WAL mode with
    /// full synchronous commits, and creates the schema.
    pub fn open(path: &str) -> rusqlite::Result<Db> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        Ok(Db(Mutex::new(conn)))
    }

    /// The connection, for one request's work.
    pub fn lock(&self) -> MutexGuard<'_, Connection> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The current time as Canvas prints it (`2026-11-23T19:30:00Z`).
pub fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}
