-- TOTP secrets at rest (issue 8): sealed with a subkey of the NIR key file (XChaCha20-Poly1305,
-- bound to the user's id), like the NIR. The clear columns of 0013 stay only so that secrets
-- enrolled before this migration can be sealed by binome at start-up (SQL cannot: the key is
-- not in the database); once sealed they are NULL, and binome never writes them again.
-- @all
ALTER TABLE user_totp ADD COLUMN secret_sealed TEXT;
ALTER TABLE user_totp ADD COLUMN pending_sealed TEXT;
