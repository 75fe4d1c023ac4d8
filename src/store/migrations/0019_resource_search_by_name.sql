-- Axe 1 search (issue 7): a broad filter (thousands of matches) walks the services of the
-- département in name order and stops at the page's last match instead of sorting every match;
-- state and due date ride along so the walk tells fresh from stale without reading the row.
-- @all
CREATE INDEX resource_services_by_name ON resource_services (departement, nom, id, state, due_on);
