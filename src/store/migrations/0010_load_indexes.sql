-- Indexes for the API under load (issue 9): the "à faire" list reads the appointments whose
-- attendance its user has to record, by creator, instead of every open appointment.
-- @all
CREATE INDEX appointments_open_by_creator ON appointments (created_by, attendance, scheduled_at);
