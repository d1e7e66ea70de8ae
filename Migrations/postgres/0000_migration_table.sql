-- bilat schema on PostgreSQL: the table that records which of these files a database has had. bilat
-- runs this file first on every database that lacks a migration (it changes nothing where the table
-- is there), then the others it has not had, each recorded here. Never edit this file once shipped.

CREATE TABLE IF NOT EXISTS bilat_migrations (identifier TEXT PRIMARY KEY);
