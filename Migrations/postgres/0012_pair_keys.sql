-- bilat schema on PostgreSQL, version 12: as Migrations/0012_pair_keys.sql, every row of a meeting's, a
-- report group's, a report's and an agreement's tables names its country pair (its parent's
-- country_key), and the report groups' counts gain the unique key their upserts name. Without a
-- default here (SQLite's ADD COLUMN needs one): a statement that leaves the pair out is refused.
-- 0012a makes the pair part of these tables' keys.
-- Never edit this file once shipped.

ALTER TABLE meeting_country ADD COLUMN country_key TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting_participant ADD COLUMN country_key TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting_area ADD COLUMN country_key TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting_source ADD COLUMN country_key TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting_unit_place ADD COLUMN country_key TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting_unit_participant ADD COLUMN country_key TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting_unit_link ADD COLUMN country_key TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting_mention_participant ADD COLUMN country_key TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting_mention_area ADD COLUMN country_key TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting_mention_source ADD COLUMN country_key TEXT NOT NULL DEFAULT '';
ALTER TABLE agreement_country ADD COLUMN country_key TEXT NOT NULL DEFAULT '';
ALTER TABLE agreement_source ADD COLUMN country_key TEXT NOT NULL DEFAULT '';

UPDATE meeting_country AS c SET country_key = p.country_key FROM meeting AS p WHERE p.id = c.meeting_id;
UPDATE meeting_participant AS c SET country_key = p.country_key FROM meeting AS p WHERE p.id = c.meeting_id;
UPDATE meeting_area AS c SET country_key = p.country_key FROM meeting AS p WHERE p.id = c.meeting_id;
UPDATE meeting_source AS c SET country_key = p.country_key FROM meeting AS p WHERE p.id = c.meeting_id;
UPDATE meeting_unit_place AS c SET country_key = p.country_key FROM meeting_unit AS p WHERE p.id = c.unit_id;
UPDATE meeting_unit_participant AS c SET country_key = p.country_key FROM meeting_unit AS p WHERE p.id = c.unit_id;
UPDATE meeting_unit_link AS c SET country_key = p.country_key FROM meeting_unit AS p WHERE p.id = c.unit_id;
UPDATE meeting_mention_participant AS c SET country_key = p.country_key FROM meeting_mention AS p WHERE p.id = c.mention_id;
UPDATE meeting_mention_area AS c SET country_key = p.country_key FROM meeting_mention AS p WHERE p.id = c.mention_id;
UPDATE meeting_mention_source AS c SET country_key = p.country_key FROM meeting_mention AS p WHERE p.id = c.mention_id;
UPDATE agreement_country AS c SET country_key = p.country_key FROM agreement AS p WHERE p.id = c.agreement_id;
UPDATE agreement_source AS c SET country_key = p.country_key FROM agreement AS p WHERE p.id = c.agreement_id;

ALTER TABLE meeting_country ALTER COLUMN country_key DROP DEFAULT;
ALTER TABLE meeting_participant ALTER COLUMN country_key DROP DEFAULT;
ALTER TABLE meeting_area ALTER COLUMN country_key DROP DEFAULT;
ALTER TABLE meeting_source ALTER COLUMN country_key DROP DEFAULT;
ALTER TABLE meeting_unit_place ALTER COLUMN country_key DROP DEFAULT;
ALTER TABLE meeting_unit_participant ALTER COLUMN country_key DROP DEFAULT;
ALTER TABLE meeting_unit_link ALTER COLUMN country_key DROP DEFAULT;
ALTER TABLE meeting_mention_participant ALTER COLUMN country_key DROP DEFAULT;
ALTER TABLE meeting_mention_area ALTER COLUMN country_key DROP DEFAULT;
ALTER TABLE meeting_mention_source ALTER COLUMN country_key DROP DEFAULT;
ALTER TABLE agreement_country ALTER COLUMN country_key DROP DEFAULT;
ALTER TABLE agreement_source ALTER COLUMN country_key DROP DEFAULT;

CREATE UNIQUE INDEX meeting_unit_place_key ON meeting_unit_place(unit_id, place, country_key);
CREATE UNIQUE INDEX meeting_unit_participant_key ON meeting_unit_participant(unit_id, official_id, country_key);
CREATE UNIQUE INDEX meeting_unit_link_key ON meeting_unit_link(unit_id, other_id, country_key);
