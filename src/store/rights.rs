//! What the session's role may do, as the server says: read from the
//! server's own privilege functions, so that the app can show it (a
//! read-only badge, disabled actions). The app never relies on it: the
//! server refuses what the role may not do, whatever the app shows.

use postgres::Client;

use super::error::StoreError;

/// The rights of the role logged in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rights {
    /// The role logged in.
    pub role: String,
    /// Whether it may change events (any column but the verdict).
    pub may_edit: bool,
    /// Whether it may set verification verdicts.
    pub may_verify: bool,
    /// Whether it may write proposals (code articles into the store).
    pub may_code: bool,
}

impl Rights {
    /// The role's part in the team, in one word: reviewer, coder or viewer.
    pub fn part(&self) -> &'static str {
        if self.may_verify && self.may_edit {
            "reviewer"
        } else if self.may_edit {
            "coder"
        } else {
            "viewer"
        }
    }
}

/// Reads the rights of the session's role from the server.
pub fn read(client: &mut Client) -> Result<Rights, StoreError> {
    let row = client
        .query_one(
            "SELECT current_user::text,
                 has_column_privilege('border_incidents.events', 'title', 'UPDATE'),
                 has_column_privilege('border_incidents.events', 'verification', 'UPDATE'),
                 has_table_privilege('border_incidents.proposals', 'INSERT')",
            &[],
        )
        .map_err(|e| StoreError::from_query(e, "reading the role's rights"))?;
    Ok(Rights {
        role: row.get(0),
        may_edit: row.get(1),
        may_verify: row.get(2),
        may_code: row.get(3),
    })
}
