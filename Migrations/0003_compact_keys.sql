-- bilat schema, version 3: integer article keys, and article text stored once.
-- Before it, every row that belongs to an article carried the article's 64-character SHA-256 id, in the
-- table and again in each index over it (116 MB of a 264 MB database at 10,000 articles), and the text
-- was stored three times: article.text, sentence.text and statement.text.
--  * article.key is the integer key every other table points to; article.id stays the content hash
--    that users see and type (`bilat forget 3f2a…`), unique.
--  * sentence.text and statement.text are gone: both are the article text at their offsets. The views
--    sentence_text and statement_text give them back, and sentence_fts indexes sentence_text as its
--    external content.
-- GRDB runs a migration with foreign keys off and checks them all before it commits.
-- Never edit this file once shipped: add Migrations/0004_*.sql instead.

DROP VIEW meetings_by_pair;
DROP VIEW official_role_span;
DROP TRIGGER sentence_fts_after_insert;
DROP TRIGGER sentence_fts_after_delete;
DROP TRIGGER sentence_fts_after_update;
DROP TABLE sentence_fts;

-- New tables under temporary names, pointing to each other; renaming article_new and sentence_new
-- afterwards rewrites those references (SQLite ≥ 3.26).
CREATE TABLE article_new (
    key           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    external_id   TEXT,
    url           TEXT,
    source        TEXT,
    title         TEXT,
    published     TEXT,
    ingested_at   TEXT NOT NULL,
    body_start    INTEGER NOT NULL DEFAULT 0,
    dateline_city TEXT,
    text          TEXT NOT NULL
);
INSERT INTO article_new(id, external_id, url, source, title, published, ingested_at, body_start, dateline_city, text)
SELECT id, external_id, url, source, title, published, ingested_at, body_start, dateline_city, text
FROM article ORDER BY rowid;

CREATE TABLE article_country_new (
    article_key INTEGER NOT NULL REFERENCES article_new(key) ON DELETE CASCADE,
    country     TEXT NOT NULL REFERENCES country(code),
    PRIMARY KEY (article_key, country)
) WITHOUT ROWID;
INSERT INTO article_country_new SELECT a.key, x.country FROM article_country x JOIN article_new a ON a.id = x.article_id;

-- Offsets count Unicode scalars into article.text, end exclusive; SQLite's substr counts the same.
CREATE TABLE sentence_new (
    id           INTEGER PRIMARY KEY,
    article_key  INTEGER NOT NULL REFERENCES article_new(key) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    UNIQUE (article_key, position)
);
INSERT INTO sentence_new SELECT x.id, a.key, x.position, x.start_offset, x.end_offset
FROM sentence x JOIN article_new a ON a.id = x.article_id;

CREATE TABLE official_role_new (
    official_id INTEGER NOT NULL REFERENCES official(id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    article_key INTEGER NOT NULL REFERENCES article_new(key) ON DELETE CASCADE,
    seen_on     TEXT,
    PRIMARY KEY (official_id, title, article_key)
);
INSERT INTO official_role_new SELECT x.official_id, x.title, a.key, x.seen_on
FROM official_role x JOIN article_new a ON a.id = x.article_id;

CREATE TABLE official_source_new (
    official_id INTEGER NOT NULL REFERENCES official(id) ON DELETE CASCADE,
    article_key INTEGER NOT NULL REFERENCES article_new(key) ON DELETE CASCADE,
    sentence_id INTEGER REFERENCES sentence_new(id) ON DELETE CASCADE,
    UNIQUE (official_id, article_key, sentence_id)
);
INSERT INTO official_source_new SELECT x.official_id, a.key, x.sentence_id
FROM official_source x JOIN article_new a ON a.id = x.article_id;

CREATE TABLE meeting_participant_new (
    meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    official_id INTEGER NOT NULL REFERENCES official(id) ON DELETE CASCADE,
    article_key INTEGER NOT NULL REFERENCES article_new(key) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, official_id, article_key)
) WITHOUT ROWID;
INSERT INTO meeting_participant_new SELECT x.meeting_id, x.official_id, a.key
FROM meeting_participant x JOIN article_new a ON a.id = x.article_id;

CREATE TABLE meeting_area_new (
    meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    area        TEXT NOT NULL,
    article_key INTEGER NOT NULL REFERENCES article_new(key) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, area, article_key)
) WITHOUT ROWID;
INSERT INTO meeting_area_new SELECT x.meeting_id, x.area, a.key
FROM meeting_area x JOIN article_new a ON a.id = x.article_id;

CREATE TABLE meeting_source_new (
    meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    article_key INTEGER NOT NULL REFERENCES article_new(key) ON DELETE CASCADE,
    sentence_id INTEGER REFERENCES sentence_new(id) ON DELETE CASCADE,
    UNIQUE (meeting_id, article_key, sentence_id)
);
INSERT INTO meeting_source_new SELECT x.meeting_id, a.key, x.sentence_id
FROM meeting_source x JOIN article_new a ON a.id = x.article_id;

CREATE TABLE article_area_new (
    article_key INTEGER NOT NULL REFERENCES article_new(key) ON DELETE CASCADE,
    area        TEXT NOT NULL,
    sentence_id INTEGER REFERENCES sentence_new(id) ON DELETE CASCADE,
    UNIQUE (article_key, area, sentence_id)
);
INSERT INTO article_area_new SELECT a.key, x.area, x.sentence_id
FROM article_area x JOIN article_new a ON a.id = x.article_id;

CREATE TABLE article_organization_new (
    article_key     INTEGER NOT NULL REFERENCES article_new(key) ON DELETE CASCADE,
    organization_id INTEGER NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    sentence_id     INTEGER REFERENCES sentence_new(id) ON DELETE CASCADE,
    UNIQUE (article_key, organization_id, sentence_id)
);
INSERT INTO article_organization_new SELECT a.key, x.organization_id, x.sentence_id
FROM article_organization x JOIN article_new a ON a.id = x.article_id;

CREATE TABLE agreement_source_new (
    agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
    article_key  INTEGER NOT NULL REFERENCES article_new(key) ON DELETE CASCADE,
    sentence_id  INTEGER REFERENCES sentence_new(id) ON DELETE CASCADE,
    UNIQUE (agreement_id, article_key, sentence_id)
);
INSERT INTO agreement_source_new SELECT x.agreement_id, a.key, x.sentence_id
FROM agreement_source x JOIN article_new a ON a.id = x.article_id;

-- Who said what; the statement's text is the article text at its offsets (view statement_text).
CREATE TABLE statement_new (
    id           INTEGER PRIMARY KEY,
    article_key  INTEGER NOT NULL REFERENCES article_new(key) ON DELETE CASCADE,
    sentence_id  INTEGER REFERENCES sentence_new(id) ON DELETE CASCADE,
    speaker      TEXT NOT NULL,
    country      TEXT REFERENCES country(code),
    verb         TEXT NOT NULL,
    type         TEXT NOT NULL CHECK (type IN ('proposal', 'commitment', 'position', 'assessment')),
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL
);
INSERT INTO statement_new SELECT x.id, a.key, x.sentence_id, x.speaker, x.country, x.verb, x.type,
       x.start_offset, x.end_offset
FROM statement x JOIN article_new a ON a.id = x.article_id;

CREATE TABLE meeting_mention_new (
    id             INTEGER PRIMARY KEY,
    article_key    INTEGER NOT NULL REFERENCES article_new(key) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    date           TEXT,
    date_precision TEXT CHECK (date_precision IN ('year', 'month', 'day')),
    date_first_day TEXT,
    -- The year of the date, NULL when undated: with country_key and mode the clustering bucket.
    bucket_year    INTEGER,
    country_key    TEXT NOT NULL,
    mode           TEXT NOT NULL CHECK (mode IN ('in_person', 'phone', 'video')),
    status         TEXT NOT NULL CHECK (status IN ('held', 'planned')),
    place          TEXT,
    -- The consolidated meeting the mention belongs to, set by the clustering.
    meeting_id     INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
    UNIQUE (article_key, position),
    CHECK ((date IS NULL) = (date_precision IS NULL) AND (date IS NULL) = (date_first_day IS NULL)),
    CHECK ((date IS NULL) = (bucket_year IS NULL))
);
INSERT INTO meeting_mention_new SELECT x.id, a.key, x.position, x.date, x.date_precision, x.date_first_day,
       x.bucket_year, x.country_key, x.mode, x.status, x.place, x.meeting_id
FROM meeting_mention x JOIN article_new a ON a.id = x.article_id;

DROP TABLE article_country;
DROP TABLE official_role;
DROP TABLE official_source;
DROP TABLE meeting_participant;
DROP TABLE meeting_area;
DROP TABLE meeting_source;
DROP TABLE article_area;
DROP TABLE article_organization;
DROP TABLE agreement_source;
DROP TABLE statement;
DROP TABLE meeting_mention;
DROP TABLE sentence;
DROP TABLE article;

ALTER TABLE article_new RENAME TO article;
ALTER TABLE sentence_new RENAME TO sentence;
ALTER TABLE article_country_new RENAME TO article_country;
ALTER TABLE official_role_new RENAME TO official_role;
ALTER TABLE official_source_new RENAME TO official_source;
ALTER TABLE meeting_participant_new RENAME TO meeting_participant;
ALTER TABLE meeting_area_new RENAME TO meeting_area;
ALTER TABLE meeting_source_new RENAME TO meeting_source;
ALTER TABLE article_area_new RENAME TO article_area;
ALTER TABLE article_organization_new RENAME TO article_organization;
ALTER TABLE agreement_source_new RENAME TO agreement_source;
ALTER TABLE statement_new RENAME TO statement;
ALTER TABLE meeting_mention_new RENAME TO meeting_mention;

-- Every column a foreign key points from is indexed (cascading deletes), and every query path.
CREATE UNIQUE INDEX article_by_url ON article(url) WHERE url IS NOT NULL;
CREATE UNIQUE INDEX article_by_external_id ON article(external_id) WHERE external_id IS NOT NULL;
CREATE INDEX article_by_published ON article(published);
CREATE INDEX article_country_by_country ON article_country(country, article_key);
CREATE INDEX official_role_by_article ON official_role(article_key);
CREATE INDEX official_role_by_date ON official_role(official_id, title, seen_on);
CREATE INDEX official_source_by_article ON official_source(article_key);
CREATE INDEX official_source_by_sentence ON official_source(sentence_id);
CREATE INDEX meeting_participant_by_official ON meeting_participant(official_id);
CREATE INDEX meeting_participant_by_article ON meeting_participant(article_key);
CREATE INDEX meeting_area_by_area ON meeting_area(area, meeting_id);
CREATE INDEX meeting_area_by_article ON meeting_area(article_key);
CREATE INDEX meeting_source_by_article ON meeting_source(article_key);
CREATE INDEX meeting_source_by_sentence ON meeting_source(sentence_id);
CREATE INDEX article_area_by_area ON article_area(area, article_key);
CREATE INDEX article_area_by_sentence ON article_area(sentence_id);
CREATE INDEX article_organization_by_organization ON article_organization(organization_id, article_key);
CREATE INDEX article_organization_by_sentence ON article_organization(sentence_id);
CREATE INDEX agreement_source_by_article ON agreement_source(article_key);
CREATE INDEX agreement_source_by_sentence ON agreement_source(sentence_id);
CREATE INDEX statement_by_article ON statement(article_key);
CREATE INDEX statement_by_country ON statement(country, article_key);
CREATE INDEX statement_by_sentence ON statement(sentence_id);
CREATE INDEX meeting_mention_by_bucket ON meeting_mention(country_key, mode, bucket_year);
CREATE INDEX meeting_mention_by_meeting ON meeting_mention(meeting_id);

-- The text of each sentence and statement, cut from the article text.
CREATE VIEW sentence_text AS
SELECT s.id, s.article_key, s.position, s.start_offset, s.end_offset,
       substr(a.text, s.start_offset + 1, s.end_offset - s.start_offset) AS text
FROM sentence s JOIN article a ON a.key = s.article_key;

CREATE VIEW statement_text AS
SELECT st.id, st.article_key, st.sentence_id, st.speaker, st.country, st.verb, st.type, st.start_offset,
       st.end_offset, substr(a.text, st.start_offset + 1, st.end_offset - st.start_offset) AS text
FROM statement st JOIN article a ON a.key = st.article_key;

-- Full-text index over the sentences; its content is read back from sentence_text (spelled
-- content="…" so that Datasette finds the index of the view and offers a search box on it).
CREATE VIRTUAL TABLE sentence_fts USING fts5(
    text,
    content="sentence_text",
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO sentence_fts(sentence_fts) VALUES ('rebuild');

-- A sentence is indexed when stored (its article is stored first, in the same transaction).
CREATE TRIGGER sentence_fts_after_insert AFTER INSERT ON sentence BEGIN
    INSERT INTO sentence_fts(rowid, text)
    SELECT new.id, substr(a.text, new.start_offset + 1, new.end_offset - new.start_offset)
    FROM article a WHERE a.key = new.article_key;
END;
-- An article's sentences leave the index before the article (and, by cascade, they) go: the text
-- the index must be told about is the article's.
CREATE TRIGGER sentence_fts_before_article_delete BEFORE DELETE ON article BEGIN
    INSERT INTO sentence_fts(sentence_fts, rowid, text)
    SELECT 'delete', s.id, substr(old.text, s.start_offset + 1, s.end_offset - s.start_offset)
    FROM sentence s WHERE s.article_key = old.key;
END;
-- A sentence deleted on its own, its article kept (during the article's cascade the article row is
-- already gone and this selects nothing).
CREATE TRIGGER sentence_fts_after_delete AFTER DELETE ON sentence BEGIN
    INSERT INTO sentence_fts(sentence_fts, rowid, text)
    SELECT 'delete', old.id, substr(a.text, old.start_offset + 1, old.end_offset - old.start_offset)
    FROM article a WHERE a.key = old.article_key;
END;

CREATE VIEW official_role_span AS
SELECT official_id, title, min(seen_on) AS first_seen, max(seen_on) AS last_seen,
       count(*) AS article_count
FROM official_role
GROUP BY official_id, title;

-- For Datasette and sqlite-utils users: one row per meeting and pair of its countries
-- (a trilateral appears under each of its three pairs).
CREATE VIEW meetings_by_pair AS
SELECT a.country AS country_a, b.country AS country_b, m.id AS meeting_id, m.date, m.date_precision,
       m.place, m.mode, m.status,
       (SELECT count(DISTINCT article_key) FROM meeting_source WHERE meeting_id = m.id) AS source_count
FROM meeting m
JOIN meeting_country a ON a.meeting_id = m.id
JOIN meeting_country b ON b.meeting_id = m.id AND a.country < b.country;
