-- bilat schema, version 1.
-- Plain tables with ISO-8601 date text so the file opens as-is in Datasette or sqlite-utils.
-- Dates of facts are stored at their own precision (`2025`, `2025-10`, `2025-10-14`) next to
-- `*_precision` and `*_first_day` (the first calendar day the date covers, `YYYY-MM-DD`), which
-- date filters and ordering use.
-- Never edit this file once shipped: add Migrations/0002_*.sql instead.
-- Every column a foreign key points from is indexed, so cascading deletes stay cheap at scale.

-- Reference countries (ISO 3166-1), written by `syncCountries`.
CREATE TABLE country (
    code   TEXT PRIMARY KEY NOT NULL CHECK (length(code) = 2),
    alpha3 TEXT NOT NULL,
    name   TEXT NOT NULL
);

-- One row per distinct article text; id is the hex SHA-256 of the text.
CREATE TABLE article (
    id            TEXT PRIMARY KEY NOT NULL,
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
CREATE UNIQUE INDEX article_by_url ON article(url) WHERE url IS NOT NULL;
CREATE UNIQUE INDEX article_by_external_id ON article(external_id) WHERE external_id IS NOT NULL;
CREATE INDEX article_by_published ON article(published);

-- Countries an article names.
CREATE TABLE article_country (
    article_id TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    country    TEXT NOT NULL REFERENCES country(code),
    PRIMARY KEY (article_id, country)
);
CREATE INDEX article_country_by_country ON article_country(country, article_id);

-- Sentences of an article; offsets count Unicode scalars into article.text, end exclusive,
-- so substr(article.text, start_offset + 1, end_offset - start_offset) = sentence.text.
CREATE TABLE sentence (
    id           INTEGER PRIMARY KEY,
    article_id   TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         TEXT NOT NULL,
    UNIQUE (article_id, position)
);

-- Full-text index over sentence text, kept in sync by the triggers below.
CREATE VIRTUAL TABLE sentence_fts USING fts5(
    text,
    content = 'sentence',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentence_fts_after_insert AFTER INSERT ON sentence BEGIN
    INSERT INTO sentence_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentence_fts_after_delete AFTER DELETE ON sentence BEGIN
    INSERT INTO sentence_fts(sentence_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sentence_fts_after_update AFTER UPDATE OF text ON sentence BEGIN
    INSERT INTO sentence_fts(sentence_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO sentence_fts(rowid, text) VALUES (new.id, new.text);
END;

-- Officials, one per (name, country); a NULL country is one more key value.
CREATE TABLE official (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    country TEXT REFERENCES country(code)
);
CREATE UNIQUE INDEX official_by_key ON official(name, coalesce(country, ''));
CREATE INDEX official_by_country ON official(country);

-- A role title an official was seen with in one article, on that article's published date.
CREATE TABLE official_role (
    official_id INTEGER NOT NULL REFERENCES official(id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    article_id  TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    seen_on     TEXT,
    PRIMARY KEY (official_id, title, article_id)
);
CREATE INDEX official_role_by_article ON official_role(article_id);
CREATE INDEX official_role_by_date ON official_role(official_id, title, seen_on);

-- Roles per official with the first and last dates any article showed them.
CREATE VIEW official_role_span AS
SELECT official_id, title, min(seen_on) AS first_seen, max(seen_on) AS last_seen,
       count(*) AS article_count
FROM official_role
GROUP BY official_id, title;

-- Where an official was read.
CREATE TABLE official_source (
    official_id INTEGER NOT NULL REFERENCES official(id) ON DELETE CASCADE,
    article_id  TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    sentence_id INTEGER REFERENCES sentence(id) ON DELETE CASCADE,
    UNIQUE (official_id, article_id, sentence_id)
);
CREATE INDEX official_source_by_article ON official_source(article_id);
CREATE INDEX official_source_by_sentence ON official_source(sentence_id);

-- Meetings: entities that several articles can report.
-- country_key is the sorted alpha-2 codes joined by ',' ("CN,US"): the meeting matcher's lookup key.
CREATE TABLE meeting (
    id             INTEGER PRIMARY KEY,
    date           TEXT,
    date_precision TEXT CHECK (date_precision IN ('year', 'month', 'day')),
    date_first_day TEXT,
    place          TEXT,
    mode           TEXT NOT NULL CHECK (mode IN ('in_person', 'phone', 'video')),
    status         TEXT NOT NULL CHECK (status IN ('held', 'planned')),
    country_key    TEXT NOT NULL,
    CHECK ((date IS NULL) = (date_precision IS NULL) AND (date IS NULL) = (date_first_day IS NULL))
);
CREATE INDEX meeting_by_date ON meeting(date_first_day);
CREATE INDEX meeting_by_match_key ON meeting(country_key, mode, status, date_first_day);

CREATE TABLE meeting_country (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    country    TEXT NOT NULL REFERENCES country(code),
    PRIMARY KEY (meeting_id, country)
);
CREATE INDEX meeting_country_by_country ON meeting_country(country, meeting_id);

-- Which article reports which participant, so replacing an article drops only what it alone said.
CREATE TABLE meeting_participant (
    meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    official_id INTEGER NOT NULL REFERENCES official(id) ON DELETE CASCADE,
    article_id  TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, official_id, article_id)
);
CREATE INDEX meeting_participant_by_official ON meeting_participant(official_id);
CREATE INDEX meeting_participant_by_article ON meeting_participant(article_id);

CREATE TABLE meeting_area (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    area       TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, area, article_id)
);
CREATE INDEX meeting_area_by_area ON meeting_area(area, meeting_id);
CREATE INDEX meeting_area_by_article ON meeting_area(article_id);

-- The sentences a meeting was read from; sentence_id is NULL when no sentence holds the span.
CREATE TABLE meeting_source (
    meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    article_id  TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    sentence_id INTEGER REFERENCES sentence(id) ON DELETE CASCADE,
    UNIQUE (meeting_id, article_id, sentence_id)
);
CREATE INDEX meeting_source_by_article ON meeting_source(article_id);
CREATE INDEX meeting_source_by_sentence ON meeting_source(sentence_id);

-- Cooperation areas an article discusses, by taxonomy key.
CREATE TABLE article_area (
    article_id  TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    area        TEXT NOT NULL,
    sentence_id INTEGER REFERENCES sentence(id) ON DELETE CASCADE,
    UNIQUE (article_id, area, sentence_id)
);
CREATE INDEX article_area_by_area ON article_area(area, article_id);
CREATE INDEX article_area_by_sentence ON article_area(sentence_id);

-- International organizations and forums, by short canonical name.
CREATE TABLE organization (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE article_organization (
    article_id      TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    organization_id INTEGER NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    sentence_id     INTEGER REFERENCES sentence(id) ON DELETE CASCADE,
    UNIQUE (article_id, organization_id, sentence_id)
);
CREATE INDEX article_organization_by_organization ON article_organization(organization_id, article_id);
CREATE INDEX article_organization_by_sentence ON article_organization(sentence_id);

-- Documents the sides signed or issued.
CREATE TABLE agreement (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('joint_statement', 'memorandum', 'agreement', 'treaty',
                                                 'declaration', 'action_plan', 'communique')),
    date           TEXT,
    date_precision TEXT CHECK (date_precision IN ('year', 'month', 'day')),
    date_first_day TEXT,
    title          TEXT,
    country_key    TEXT NOT NULL,
    CHECK ((date IS NULL) = (date_precision IS NULL) AND (date IS NULL) = (date_first_day IS NULL))
);
CREATE INDEX agreement_by_date ON agreement(date_first_day);
CREATE INDEX agreement_by_match_key ON agreement(country_key, kind, date);

CREATE TABLE agreement_country (
    agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
    country      TEXT NOT NULL REFERENCES country(code),
    PRIMARY KEY (agreement_id, country)
);
CREATE INDEX agreement_country_by_country ON agreement_country(country, agreement_id);

CREATE TABLE agreement_source (
    agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
    article_id   TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    sentence_id  INTEGER REFERENCES sentence(id) ON DELETE CASCADE,
    UNIQUE (agreement_id, article_id, sentence_id)
);
CREATE INDEX agreement_source_by_article ON agreement_source(article_id);
CREATE INDEX agreement_source_by_sentence ON agreement_source(sentence_id);

-- Who said what, in which sentence; offsets count into article.text.
CREATE TABLE statement (
    id           INTEGER PRIMARY KEY,
    article_id   TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    sentence_id  INTEGER REFERENCES sentence(id) ON DELETE CASCADE,
    speaker      TEXT NOT NULL,
    country      TEXT REFERENCES country(code),
    verb         TEXT NOT NULL,
    type         TEXT NOT NULL CHECK (type IN ('proposal', 'commitment', 'position', 'assessment')),
    text         TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL
);
CREATE INDEX statement_by_article ON statement(article_id);
CREATE INDEX statement_by_country ON statement(country, article_id);
CREATE INDEX statement_by_sentence ON statement(sentence_id);
