-- bilat schema, version 2: meetings consolidated from per-article mentions.
-- Each article's meeting reports are stored as they were read (meeting_mention and its child
-- tables); the meeting rows (meeting, meeting_country, meeting_participant, meeting_area,
-- meeting_source) are derived from them by clustering the mentions of one bucket
-- (country_key, mode, bucket_year), recomputed for every bucket an article touches when it is
-- saved, replaced or forgotten. Ingest order therefore does not change the meetings.
-- Never edit this file once shipped: add Migrations/0003_*.sql instead.

-- One meeting report of one article, as the extractor gave it.
CREATE TABLE meeting_mention (
    id             INTEGER PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
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
    UNIQUE (article_id, position),
    CHECK ((date IS NULL) = (date_precision IS NULL) AND (date IS NULL) = (date_first_day IS NULL)),
    CHECK ((date IS NULL) = (bucket_year IS NULL))
);
CREATE INDEX meeting_mention_by_bucket ON meeting_mention(country_key, mode, bucket_year);
CREATE INDEX meeting_mention_by_meeting ON meeting_mention(meeting_id);

-- The officials a mention names as participants.
CREATE TABLE meeting_mention_participant (
    mention_id  INTEGER NOT NULL REFERENCES meeting_mention(id) ON DELETE CASCADE,
    official_id INTEGER NOT NULL REFERENCES official(id) ON DELETE CASCADE,
    PRIMARY KEY (mention_id, official_id)
);
CREATE INDEX meeting_mention_participant_by_official ON meeting_mention_participant(official_id);

-- The cooperation areas a mention says were discussed.
CREATE TABLE meeting_mention_area (
    mention_id INTEGER NOT NULL REFERENCES meeting_mention(id) ON DELETE CASCADE,
    area       TEXT NOT NULL,
    PRIMARY KEY (mention_id, area)
);

-- The sentences a mention was read from; NULL when no sentence holds its span.
CREATE TABLE meeting_mention_source (
    mention_id  INTEGER NOT NULL REFERENCES meeting_mention(id) ON DELETE CASCADE,
    sentence_id INTEGER REFERENCES sentence(id) ON DELETE CASCADE,
    UNIQUE (mention_id, sentence_id)
);
CREATE INDEX meeting_mention_source_by_sentence ON meeting_mention_source(sentence_id);

-- Bucket lookup of the derived meetings, status aside.
CREATE INDEX meeting_by_bucket ON meeting(country_key, mode, date_first_day);

-- Officials by name, for participant and surname resolution.
CREATE INDEX official_by_name ON official(name);

-- Upgrade: every (meeting, article) pair of a version-1 database becomes one mention carrying the
-- meeting's attributes, with that article's participants, areas and source sentences.
INSERT INTO meeting_mention(article_id, position, date, date_precision, date_first_day, bucket_year,
                            country_key, mode, status, place, meeting_id)
SELECT pair.article_id,
       row_number() OVER (PARTITION BY pair.article_id ORDER BY pair.meeting_id) - 1,
       m.date, m.date_precision, m.date_first_day,
       CASE WHEN m.date IS NULL THEN NULL ELSE CAST(substr(m.date, 1, 4) AS INTEGER) END,
       m.country_key, m.mode, m.status, m.place, m.id
FROM (SELECT DISTINCT meeting_id, article_id FROM meeting_source) AS pair
JOIN meeting m ON m.id = pair.meeting_id;

INSERT OR IGNORE INTO meeting_mention_participant(mention_id, official_id)
SELECT mm.id, mp.official_id
FROM meeting_participant mp
JOIN meeting_mention mm ON mm.meeting_id = mp.meeting_id AND mm.article_id = mp.article_id;

INSERT OR IGNORE INTO meeting_mention_area(mention_id, area)
SELECT mm.id, ma.area
FROM meeting_area ma
JOIN meeting_mention mm ON mm.meeting_id = ma.meeting_id AND mm.article_id = ma.article_id;

INSERT OR IGNORE INTO meeting_mention_source(mention_id, sentence_id)
SELECT mm.id, ms.sentence_id
FROM meeting_source ms
JOIN meeting_mention mm ON mm.meeting_id = ms.meeting_id AND mm.article_id = ms.article_id;

-- For Datasette and sqlite-utils users: one row per meeting and pair of its countries
-- (a trilateral appears under each of its three pairs).
CREATE VIEW meetings_by_pair AS
SELECT a.country AS country_a, b.country AS country_b, m.id AS meeting_id, m.date, m.date_precision,
       m.place, m.mode, m.status,
       (SELECT count(DISTINCT article_id) FROM meeting_source WHERE meeting_id = m.id) AS source_count
FROM meeting m
JOIN meeting_country a ON a.meeting_id = m.id
JOIN meeting_country b ON b.meeting_id = m.id AND a.country < b.country;
