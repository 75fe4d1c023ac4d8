-- Axe 1 search (issue 7) on PostgreSQL: a GIN index with fastupdate keeps new entries in an
-- unordered pending list until the next VACUUM, and every search reads that list whole. After an
-- import of 10 000 services it held 202 pages: 2.2 ms of each text search, and the planner then
-- preferred a sequential scan (8.5 ms) for the count. Services change rarely (an import a month,
-- a few edits a day), so the index is updated in place instead; the import is no slower (28.5 s
-- against 27.7 s for 10 000 services).
-- @postgres
ALTER INDEX resource_services_search SET (fastupdate = off);
SELECT gin_clean_pending_list('resource_services_search');
