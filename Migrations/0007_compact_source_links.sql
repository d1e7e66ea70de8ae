-- bilat schema, version 7: the links from facts to their sentences stored once, not three times.
-- Each link table (official_source, meeting_source, meeting_mention_source, article_area,
-- article_organization, agreement_source) was a rowid table, a UNIQUE index holding the same columns
-- again, and an index on sentence_id that existed only so that SQLite could find the links of a
-- deleted sentence for the foreign key. Sentences are never deleted but with their article, and the
-- links go with the article by their own cascade (article_key, or the mention's), so:
--  * each table is WITHOUT ROWID, its former UNIQUE columns the primary key (the table is its index);
--  * sentence_id no longer references sentence: `bilat db check` verifies instead that each link's
--    sentence belongs to the link's article;
--  * a fact read outside every sentence has sentence_id 0 (no sentence has id 0), not NULL: a primary
--    key has no NULLs, and two such links of one fact are now one, as the writer already ensured.
-- At 100,000 articles: 126 MB of these tables and indexes become ~45 MB, and a link is written to two
-- b-trees (the table and its by-article/by-area index) instead of four.
-- GRDB runs a migration with foreign keys off and checks them all before it commits.
-- Never edit this file once shipped: add Migrations/0008_*.sql instead.

DROP VIEW meetings_by_pair;

CREATE TABLE official_source_new (
    official_id INTEGER NOT NULL REFERENCES official(id) ON DELETE CASCADE,
    article_key INTEGER NOT NULL REFERENCES article(key) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL,
    PRIMARY KEY (official_id, article_key, sentence_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO official_source_new SELECT official_id, article_key, coalesce(sentence_id, 0) FROM official_source;

CREATE TABLE meeting_source_new (
    meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    article_key INTEGER NOT NULL REFERENCES article(key) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, article_key, sentence_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO meeting_source_new SELECT meeting_id, article_key, coalesce(sentence_id, 0) FROM meeting_source;

CREATE TABLE meeting_mention_source_new (
    mention_id  INTEGER NOT NULL REFERENCES meeting_mention(id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL,
    PRIMARY KEY (mention_id, sentence_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO meeting_mention_source_new SELECT mention_id, coalesce(sentence_id, 0) FROM meeting_mention_source;

CREATE TABLE article_area_new (
    article_key INTEGER NOT NULL REFERENCES article(key) ON DELETE CASCADE,
    area        TEXT NOT NULL,
    sentence_id INTEGER NOT NULL,
    PRIMARY KEY (article_key, area, sentence_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO article_area_new SELECT article_key, area, coalesce(sentence_id, 0) FROM article_area;

CREATE TABLE article_organization_new (
    article_key     INTEGER NOT NULL REFERENCES article(key) ON DELETE CASCADE,
    organization_id INTEGER NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    sentence_id     INTEGER NOT NULL,
    PRIMARY KEY (article_key, organization_id, sentence_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO article_organization_new
SELECT article_key, organization_id, coalesce(sentence_id, 0) FROM article_organization;

CREATE TABLE agreement_source_new (
    agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
    article_key  INTEGER NOT NULL REFERENCES article(key) ON DELETE CASCADE,
    sentence_id  INTEGER NOT NULL,
    PRIMARY KEY (agreement_id, article_key, sentence_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO agreement_source_new SELECT agreement_id, article_key, coalesce(sentence_id, 0) FROM agreement_source;

DROP TABLE official_source;
DROP TABLE meeting_source;
DROP TABLE meeting_mention_source;
DROP TABLE article_area;
DROP TABLE article_organization;
DROP TABLE agreement_source;

ALTER TABLE official_source_new RENAME TO official_source;
ALTER TABLE meeting_source_new RENAME TO meeting_source;
ALTER TABLE meeting_mention_source_new RENAME TO meeting_mention_source;
ALTER TABLE article_area_new RENAME TO article_area;
ALTER TABLE article_organization_new RENAME TO article_organization;
ALTER TABLE agreement_source_new RENAME TO agreement_source;

-- The cascades from article (and organization), and the query paths; no index on sentence_id.
CREATE INDEX official_source_by_article ON official_source(article_key);
CREATE INDEX meeting_source_by_article ON meeting_source(article_key);
CREATE INDEX article_area_by_area ON article_area(area, article_key);
CREATE INDEX article_organization_by_organization ON article_organization(organization_id, article_key);
CREATE INDEX agreement_source_by_article ON agreement_source(article_key);

CREATE VIEW meetings_by_pair AS
SELECT a.country AS country_a, b.country AS country_b, m.id AS meeting_id, m.date, m.date_precision,
       m.place, m.mode, m.status,
       (SELECT count(DISTINCT article_key) FROM meeting_source WHERE meeting_id = m.id) AS source_count
FROM meeting m
JOIN meeting_country a ON a.meeting_id = m.id
JOIN meeting_country b ON b.meeting_id = m.id AND a.country < b.country;
