-- bilat schema on PostgreSQL only: keys that Citus can distribute (docs/postgres.md, "Spreading a
-- knowledge base over several servers"; scripts/citus-distribute.sql makes the calls). No SQLite
-- migration means the same (hence the letter): SQLite keeps its keys, and exports of either backend
-- keep importing into the other.
-- Never edit this file once shipped.
--
-- Citus spreads a table's rows over servers by one column and enforces a key or a foreign key only
-- when it holds that column (a foreign key between two spread tables: at the same place on both sides,
-- and without ON DELETE SET NULL). Two groups of tables, each kept together by its column:
--  * an article and what only it says (sentences, statements, its countries, areas, organizations,
--    officials' sightings) by the article's key: sentence and statement keys gain article_key, and a
--    statement's sentence is (article_key, sentence_id). An article's id, url and feed id, unique over
--    all articles, are kept unique by article_name (one row a name, spread by the name), which the write
--    path fills and empties with the article; article's own columns keep plain indexes.
--  * a pair's meetings, report groups, reports and agreements by country_key (0012): each key gains it,
--    and the foreign keys between them name it. A report's and a group's meeting is a foreign key
--    without SET NULL: the write path clears them before it deletes a meeting.
-- The foreign keys from the pair's tables to article go (Citus keeps none between the two groups): the
-- write path deletes an article's reports, meeting and agreement sources itself, and `db check` finds
-- any left (`article-orphans`). Foreign keys to country, official and organization (copied to every
-- server) stay.

-- An article's names, unique over the knowledge base.
CREATE TABLE article_name (
    name        TEXT PRIMARY KEY,
    article_key BIGINT NOT NULL
);
INSERT INTO article_name(name, article_key) SELECT 'id:' || id, key FROM article;
INSERT INTO article_name(name, article_key) SELECT 'url:' || url, key FROM article WHERE url IS NOT NULL;
INSERT INTO article_name(name, article_key) SELECT 'external:' || external_id, key FROM article WHERE external_id IS NOT NULL;
CREATE INDEX article_name_by_article ON article_name(article_key);
ALTER TABLE article DROP CONSTRAINT article_id_key;
DROP INDEX article_by_url;
DROP INDEX article_by_external_id;
CREATE INDEX article_by_id ON article(id);
CREATE INDEX article_by_url ON article(url) WHERE url IS NOT NULL;
CREATE INDEX article_by_external_id ON article(external_id) WHERE external_id IS NOT NULL;

-- Sentences and statements keyed with their article.
ALTER TABLE statement DROP CONSTRAINT statement_sentence_id_fkey;
ALTER TABLE sentence DROP CONSTRAINT sentence_pkey;
ALTER TABLE sentence ADD PRIMARY KEY (id, article_key);
ALTER TABLE statement DROP CONSTRAINT statement_pkey;
ALTER TABLE statement ADD PRIMARY KEY (id, article_key);
ALTER TABLE statement ADD CONSTRAINT statement_sentence_fkey FOREIGN KEY (article_key, sentence_id)
    REFERENCES sentence(article_key, id) ON DELETE CASCADE;

-- The pair's tables: foreign keys off, keys with country_key, foreign keys on again.
ALTER TABLE meeting_country DROP CONSTRAINT meeting_country_meeting_id_fkey;
ALTER TABLE meeting_participant DROP CONSTRAINT meeting_participant_meeting_id_fkey;
ALTER TABLE meeting_participant DROP CONSTRAINT meeting_participant_article_key_fkey;
ALTER TABLE meeting_area DROP CONSTRAINT meeting_area_meeting_id_fkey;
ALTER TABLE meeting_area DROP CONSTRAINT meeting_area_article_key_fkey;
ALTER TABLE meeting_source DROP CONSTRAINT meeting_source_meeting_id_fkey;
ALTER TABLE meeting_source DROP CONSTRAINT meeting_source_article_key_fkey;
ALTER TABLE meeting_unit DROP CONSTRAINT meeting_unit_meeting_id_fkey;
ALTER TABLE meeting_unit_place DROP CONSTRAINT meeting_unit_place_unit_id_fkey;
ALTER TABLE meeting_unit_participant DROP CONSTRAINT meeting_unit_participant_unit_id_fkey;
ALTER TABLE meeting_unit_link DROP CONSTRAINT meeting_unit_link_unit_id_fkey;
ALTER TABLE meeting_mention DROP CONSTRAINT meeting_mention_article_key_fkey;
ALTER TABLE meeting_mention DROP CONSTRAINT meeting_mention_meeting_id_fkey;
ALTER TABLE meeting_mention DROP CONSTRAINT meeting_mention_unit_id_fkey;
ALTER TABLE meeting_mention_participant DROP CONSTRAINT meeting_mention_participant_mention_id_fkey;
ALTER TABLE meeting_mention_area DROP CONSTRAINT meeting_mention_area_mention_id_fkey;
ALTER TABLE meeting_mention_source DROP CONSTRAINT meeting_mention_source_mention_id_fkey;
ALTER TABLE agreement_country DROP CONSTRAINT agreement_country_agreement_id_fkey;
ALTER TABLE agreement_source DROP CONSTRAINT agreement_source_agreement_id_fkey;
ALTER TABLE agreement_source DROP CONSTRAINT agreement_source_article_key_fkey;

ALTER TABLE meeting DROP CONSTRAINT meeting_pkey;
ALTER TABLE meeting ADD PRIMARY KEY (id, country_key);
ALTER TABLE meeting_unit DROP CONSTRAINT meeting_unit_pkey;
ALTER TABLE meeting_unit ADD PRIMARY KEY (id, country_key);
ALTER TABLE meeting_mention DROP CONSTRAINT meeting_mention_pkey;
ALTER TABLE meeting_mention ADD PRIMARY KEY (id, country_key);
ALTER TABLE agreement DROP CONSTRAINT agreement_pkey;
ALTER TABLE agreement ADD PRIMARY KEY (id, country_key);
ALTER TABLE meeting_country DROP CONSTRAINT meeting_country_pkey;
ALTER TABLE meeting_country ADD PRIMARY KEY (meeting_id, country, country_key);
ALTER TABLE meeting_participant DROP CONSTRAINT meeting_participant_pkey;
ALTER TABLE meeting_participant ADD PRIMARY KEY (meeting_id, official_id, article_key, country_key);
ALTER TABLE meeting_area DROP CONSTRAINT meeting_area_pkey;
ALTER TABLE meeting_area ADD PRIMARY KEY (meeting_id, area, article_key, country_key);
ALTER TABLE meeting_source DROP CONSTRAINT meeting_source_pkey;
ALTER TABLE meeting_source ADD PRIMARY KEY (meeting_id, article_key, sentence_id, country_key);
ALTER TABLE meeting_unit_place DROP CONSTRAINT meeting_unit_place_pkey;
ALTER TABLE meeting_unit_place ADD PRIMARY KEY (unit_id, place, country_key);
ALTER TABLE meeting_unit_participant DROP CONSTRAINT meeting_unit_participant_pkey;
ALTER TABLE meeting_unit_participant ADD PRIMARY KEY (unit_id, official_id, country_key);
ALTER TABLE meeting_unit_link DROP CONSTRAINT meeting_unit_link_pkey;
ALTER TABLE meeting_unit_link ADD PRIMARY KEY (unit_id, other_id, country_key);
ALTER TABLE meeting_mention_participant DROP CONSTRAINT meeting_mention_participant_pkey;
ALTER TABLE meeting_mention_participant ADD PRIMARY KEY (mention_id, official_id, country_key);
ALTER TABLE meeting_mention_area DROP CONSTRAINT meeting_mention_area_pkey;
ALTER TABLE meeting_mention_area ADD PRIMARY KEY (mention_id, area, country_key);
ALTER TABLE meeting_mention_source DROP CONSTRAINT meeting_mention_source_pkey;
ALTER TABLE meeting_mention_source ADD PRIMARY KEY (mention_id, sentence_id, country_key);
ALTER TABLE agreement_country DROP CONSTRAINT agreement_country_pkey;
ALTER TABLE agreement_country ADD PRIMARY KEY (agreement_id, country, country_key);
ALTER TABLE agreement_source DROP CONSTRAINT agreement_source_pkey;
ALTER TABLE agreement_source ADD PRIMARY KEY (agreement_id, article_key, sentence_id, country_key);
DROP INDEX meeting_unit_place_key;
DROP INDEX meeting_unit_participant_key;
DROP INDEX meeting_unit_link_key;
ALTER TABLE meeting_mention DROP CONSTRAINT meeting_mention_article_key_position_key;
ALTER TABLE meeting_mention ADD CONSTRAINT meeting_mention_article_key_position_key UNIQUE (article_key, position, country_key);

ALTER TABLE meeting_country ADD CONSTRAINT meeting_country_meeting_id_fkey FOREIGN KEY (country_key, meeting_id) REFERENCES meeting(country_key, id) ON DELETE CASCADE;
ALTER TABLE meeting_participant ADD CONSTRAINT meeting_participant_meeting_id_fkey FOREIGN KEY (country_key, meeting_id) REFERENCES meeting(country_key, id) ON DELETE CASCADE;
ALTER TABLE meeting_area ADD CONSTRAINT meeting_area_meeting_id_fkey FOREIGN KEY (country_key, meeting_id) REFERENCES meeting(country_key, id) ON DELETE CASCADE;
ALTER TABLE meeting_source ADD CONSTRAINT meeting_source_meeting_id_fkey FOREIGN KEY (country_key, meeting_id) REFERENCES meeting(country_key, id) ON DELETE CASCADE;
ALTER TABLE meeting_unit ADD CONSTRAINT meeting_unit_meeting_id_fkey FOREIGN KEY (country_key, meeting_id) REFERENCES meeting(country_key, id);
ALTER TABLE meeting_unit_place ADD CONSTRAINT meeting_unit_place_unit_id_fkey FOREIGN KEY (country_key, unit_id) REFERENCES meeting_unit(country_key, id) ON DELETE CASCADE;
ALTER TABLE meeting_unit_participant ADD CONSTRAINT meeting_unit_participant_unit_id_fkey FOREIGN KEY (country_key, unit_id) REFERENCES meeting_unit(country_key, id) ON DELETE CASCADE;
ALTER TABLE meeting_unit_link ADD CONSTRAINT meeting_unit_link_unit_id_fkey FOREIGN KEY (country_key, unit_id) REFERENCES meeting_unit(country_key, id) ON DELETE CASCADE;
ALTER TABLE meeting_mention ADD CONSTRAINT meeting_mention_meeting_id_fkey FOREIGN KEY (country_key, meeting_id) REFERENCES meeting(country_key, id);
ALTER TABLE meeting_mention ADD CONSTRAINT meeting_mention_unit_id_fkey FOREIGN KEY (country_key, unit_id) REFERENCES meeting_unit(country_key, id);
ALTER TABLE meeting_mention_participant ADD CONSTRAINT meeting_mention_participant_mention_id_fkey FOREIGN KEY (country_key, mention_id) REFERENCES meeting_mention(country_key, id) ON DELETE CASCADE;
ALTER TABLE meeting_mention_area ADD CONSTRAINT meeting_mention_area_mention_id_fkey FOREIGN KEY (country_key, mention_id) REFERENCES meeting_mention(country_key, id) ON DELETE CASCADE;
ALTER TABLE meeting_mention_source ADD CONSTRAINT meeting_mention_source_mention_id_fkey FOREIGN KEY (country_key, mention_id) REFERENCES meeting_mention(country_key, id) ON DELETE CASCADE;
ALTER TABLE agreement_country ADD CONSTRAINT agreement_country_agreement_id_fkey FOREIGN KEY (country_key, agreement_id) REFERENCES agreement(country_key, id) ON DELETE CASCADE;
ALTER TABLE agreement_source ADD CONSTRAINT agreement_source_agreement_id_fkey FOREIGN KEY (country_key, agreement_id) REFERENCES agreement(country_key, id) ON DELETE CASCADE;

-- A pair's meetings joined on the column that keeps them together.
CREATE OR REPLACE VIEW meetings_by_pair AS
SELECT a.country AS country_a, b.country AS country_b, m.id AS meeting_id, m.date, m.date_precision,
       m.place, m.mode, m.status,
       (SELECT count(DISTINCT article_key) FROM meeting_source
        WHERE meeting_id = m.id AND country_key = m.country_key) AS source_count
FROM meeting m
JOIN meeting_country a ON a.meeting_id = m.id AND a.country_key = m.country_key
JOIN meeting_country b ON b.meeting_id = m.id AND b.country_key = m.country_key AND a.country < b.country;
