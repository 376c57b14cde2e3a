//! Accounts and courses, the account chain, and who may do what (Canvas's default roles).
use rusqlite::{Connection, OptionalExtension};

use crate::error::{ApiError, ApiResult};

/// The context of a request: `accounts/:id` or `courses/:id`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// An account.
    Account(i64),
    /// A course.
    Course(i64),
}

/// A context that exists, with what the API needs to know about it.
#[derive(Clone, Debug)]
pub struct Found {
    /// The context.
    pub context: Context,
    /// Its name ("Biology 101").
    pub name: String,
    /// The account itself, or the course's account.
    pub account_id: i64,
}

impl Context {
    /// Canvas's `context_type`.
    pub fn type_name(self) -> &'static str {
        match self {
            Context::Account(_) => "Account",
            Context::Course(_) => "Course",
        }
    }

    /// The id.
    pub fn id(self) -> i64 {
        match self {
            Context::Account(id) | Context::Course(id) => id,
        }
    }

    /// Canvas's `context_code` (`course_1`).
    pub fn code(self) -> String {
        format!("{}_{}", self.type_name().to_lowercase(), self.id())
    }

    /// Parses a path's `accounts`/`courses` and id; non-numeric ids do not exist here.
    pub fn from_path(kind: &str, id: &str) -> ApiResult<Context> {
        let id: i64 = id.parse().map_err(|_| ApiError::NotFound)?;
        match kind {
            "accounts" => Ok(Context::Account(id)),
            "courses" => Ok(Context::Course(id)),
            _ => Err(ApiError::NotFound),
        }
    }

    /// Looks the context up: 404 when it does not exist.
    pub fn find(self, conn: &Connection) -> ApiResult<Found> {
        let row = match self {
            Context::Account(id) => conn
                .query_row("SELECT name, id FROM accounts WHERE id = ?1", [id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?,
            Context::Course(id) => conn
                .query_row(
                    "SELECT name, account_id FROM courses WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?,
        };
        let (name, account_id) = row.ok_or(ApiError::NotFound)?;
        Ok(Found {
            context: self,
            name,
            account_id,
        })
    }
}

/// The account and its ancestors, nearest first.
pub fn account_chain(conn: &Connection, account_id: i64) -> ApiResult<Vec<i64>> {
    let mut chain = vec![account_id];
    let mut current = account_id;
    while let Some(parent) = conn
        .query_row(
            "SELECT parent_id FROM accounts WHERE id = ?1",
            [current],
            |r| r.get::<_, Option<i64>>(0),
        )
        .optional()?
        .flatten()
    {
        if chain.contains(&parent) || chain.len() > 64 {
            break;
        }
        chain.push(parent);
        current = parent;
    }
    Ok(chain)
}

/// A course enrollment role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// TeacherEnrollment.
    Teacher,
    /// StudentEnrollment.
    Student,
}

/// What a user may do in a context, by Canvas's default role permissions.
pub struct Permissions {
    /// Account admin of the context's account or an ancestor.
    pub admin: bool,
    /// The user's role in the course, for course contexts.
    pub role: Option<Role>,
}

impl Permissions {
    /// Works out the user's permissions in `found`.
    pub fn of(conn: &Connection, user_id: i64, found: &Found) -> ApiResult<Permissions> {
        let mut admin = false;
        for account in account_chain(conn, found.account_id)? {
            admin |= conn
                .query_row(
                    "SELECT 1 FROM account_admins WHERE user_id = ?1 AND account_id = ?2",
                    [user_id, account],
                    |_| Ok(()),
                )
                .optional()?
                .is_some();
        }
        let role = match found.context {
            Context::Course(course) => conn
                .query_row(
                    "SELECT role FROM enrollments WHERE user_id = ?1 AND course_id = ?2",
                    [user_id, course],
                    |r| r.get::<_, String>(0),
                )
                .optional()?
                .map(|r| {
                    if r == "teacher" {
                        Role::Teacher
                    } else {
                        Role::Student
                    }
                }),
            Context::Account(_) => None,
        };
        Ok(Permissions { admin, role })
    }

    /// `manage_proficiency_scales`: account admins only by default.
    pub fn manage_proficiency_scales(&self) -> bool {
        self.admin
    }

    /// `manage_rubrics`: admins, and teachers in their course.
    pub fn manage_rubrics(&self) -> bool {
        self.admin || self.role == Some(Role::Teacher)
    }

    /// `manage_grades`: the same people as rubrics.
    pub fn manage_grades(&self) -> bool {
        self.manage_rubrics()
    }

    /// `read`: admins, and anyone enrolled in the course.
    pub fn read(&self) -> bool {
        self.admin || self.role.is_some()
    }

    /// Turns a permission check into 401 `unauthorized`.
    pub fn require(allowed: bool) -> ApiResult<()> {
        if allowed {
            Ok(())
        } else {
            Err(ApiError::Unauthorized)
        }
    }
}
