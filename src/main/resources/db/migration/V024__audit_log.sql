-- What moderators and admins did through the API (a successful change on a route only they may
-- call): who, what, on what, why, when. Kept for the admins to read; owned by audit.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER,
    username   TEXT    NOT NULL,
    action     TEXT    NOT NULL,   -- the route: method and path pattern, e.g. POST /api/v1/users/{id}/block
    target     TEXT    NOT NULL,   -- the path as called, and the host or account it named
    reason     TEXT,
    created_at BIGINT  NOT NULL
);
CREATE INDEX audit_log_created ON audit_log (created_at);
