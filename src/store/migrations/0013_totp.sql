-- Second factor (TOTP, RFC 6238) of an account: required for admin and dpo, optional for the
-- others. The secret is never returned once enrolment is confirmed; last_step is the time
-- step of the last code accepted, so a code is not accepted twice.
-- @all
CREATE TABLE user_totp (
  user_id BIGINT PRIMARY KEY REFERENCES users(id),
  secret TEXT,
  pending_secret TEXT,
  last_step BIGINT,
  enrolled_at TEXT,
  updated_at TEXT NOT NULL
);
