-- bilat schema, version 12: every row of a meeting's, a report group's, a report's and an agreement's
-- tables names its country pair (`country_key`, its parent's), so that a PostgreSQL knowledge base can
-- be spread over several servers by pair (Citus: docs/postgres.md, scripts/citus-distribute.sql),
-- each pair's meetings, their groups, reports and sources on one of them. SQLite keeps its keys as they
-- are; the column is written on both backends by the same statements, and `db check` compares it with
-- the parent's (`pair-key`). The report groups' counts gain the unique key the upserts name
-- (`ON CONFLICT (unit_id, place, country_key)`), the one PostgreSQL's schema has.
-- Never edit this file once shipped: add Migrations/0013_*.sql instead.

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

UPDATE meeting_country SET country_key = (SELECT country_key FROM meeting WHERE id = meeting_id);
UPDATE meeting_participant SET country_key = (SELECT country_key FROM meeting WHERE id = meeting_id);
UPDATE meeting_area SET country_key = (SELECT country_key FROM meeting WHERE id = meeting_id);
UPDATE meeting_source SET country_key = (SELECT country_key FROM meeting WHERE id = meeting_id);
UPDATE meeting_unit_place SET country_key = (SELECT country_key FROM meeting_unit WHERE id = unit_id);
UPDATE meeting_unit_participant SET country_key = (SELECT country_key FROM meeting_unit WHERE id = unit_id);
UPDATE meeting_unit_link SET country_key = (SELECT country_key FROM meeting_unit WHERE id = unit_id);
UPDATE meeting_mention_participant SET country_key = (SELECT country_key FROM meeting_mention WHERE id = mention_id);
UPDATE meeting_mention_area SET country_key = (SELECT country_key FROM meeting_mention WHERE id = mention_id);
UPDATE meeting_mention_source SET country_key = (SELECT country_key FROM meeting_mention WHERE id = mention_id);
UPDATE agreement_country SET country_key = (SELECT country_key FROM agreement WHERE id = agreement_id);
UPDATE agreement_source SET country_key = (SELECT country_key FROM agreement WHERE id = agreement_id);

CREATE UNIQUE INDEX meeting_unit_place_key ON meeting_unit_place(unit_id, place, country_key);
CREATE UNIQUE INDEX meeting_unit_participant_key ON meeting_unit_participant(unit_id, official_id, country_key);
CREATE UNIQUE INDEX meeting_unit_link_key ON meeting_unit_link(unit_id, other_id, country_key);
