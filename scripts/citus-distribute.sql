-- Spreads a bilat knowledge base on PostgreSQL over a Citus cluster (Citus 11.2 or later: identity
-- columns of distributed tables). Run it once, on the coordinator, after bilat has made the schema
-- there (any bilat command with --db postgres://… does), with or without articles in it:
--
--     psql "postgres://user@coordinator/dbname" -v ON_ERROR_STOP=1 -f scripts/citus-distribute.sql
--
-- Then every bilat command keeps working against the coordinator's URL. Why this split, and what
-- has not been tried on a cluster: docs/postgres.md, "Spreading a knowledge base over several servers".
--
-- One call a line, in an order Citus accepts (a table after those its foreign keys name). The test
-- "a schema Citus can distribute" (Tests/BilatServicesTests/CitusDistributionTests.swift) reads this
-- file and checks, on plain PostgreSQL, that it names every table of the schema and that every key
-- and foreign key is one Citus accepts for this split; a migration that breaks it fails that test.

-- Copied to every server: small, read by everything, their keys global.
SELECT create_reference_table('country');
SELECT create_reference_table('official');
SELECT create_reference_table('organization');

-- An article and what only it says, by the article's key.
SELECT create_distributed_table('article', 'key', colocate_with => 'none');
SELECT create_distributed_table('sentence', 'article_key', colocate_with => 'article');
SELECT create_distributed_table('statement', 'article_key', colocate_with => 'article');
SELECT create_distributed_table('article_country', 'article_key', colocate_with => 'article');
SELECT create_distributed_table('article_area', 'article_key', colocate_with => 'article');
SELECT create_distributed_table('article_organization', 'article_key', colocate_with => 'article');
SELECT create_distributed_table('official_role', 'article_key', colocate_with => 'article');
SELECT create_distributed_table('official_source', 'article_key', colocate_with => 'article');

-- An article's id, url and feed id, unique over all articles, by the name.
SELECT create_distributed_table('article_name', 'name', colocate_with => 'none');

-- A pair's meetings, report groups, reports and agreements, by the pair (country_key).
SELECT create_distributed_table('meeting', 'country_key', colocate_with => 'none');
SELECT create_distributed_table('meeting_country', 'country_key', colocate_with => 'meeting');
SELECT create_distributed_table('meeting_participant', 'country_key', colocate_with => 'meeting');
SELECT create_distributed_table('meeting_area', 'country_key', colocate_with => 'meeting');
SELECT create_distributed_table('meeting_source', 'country_key', colocate_with => 'meeting');
SELECT create_distributed_table('meeting_unit', 'country_key', colocate_with => 'meeting');
SELECT create_distributed_table('meeting_unit_place', 'country_key', colocate_with => 'meeting');
SELECT create_distributed_table('meeting_unit_participant', 'country_key', colocate_with => 'meeting');
SELECT create_distributed_table('meeting_unit_link', 'country_key', colocate_with => 'meeting');
SELECT create_distributed_table('meeting_mention', 'country_key', colocate_with => 'meeting');
SELECT create_distributed_table('meeting_mention_participant', 'country_key', colocate_with => 'meeting');
SELECT create_distributed_table('meeting_mention_area', 'country_key', colocate_with => 'meeting');
SELECT create_distributed_table('meeting_mention_source', 'country_key', colocate_with => 'meeting');
SELECT create_distributed_table('agreement', 'country_key', colocate_with => 'meeting');
SELECT create_distributed_table('agreement_country', 'country_key', colocate_with => 'meeting');
SELECT create_distributed_table('agreement_source', 'country_key', colocate_with => 'meeting');

-- bilat_migrations stays on the coordinator (a local table: no foreign key to or from it).
