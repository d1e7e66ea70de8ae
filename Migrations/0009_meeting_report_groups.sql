-- bilat schema, version 9: meetings consolidated from report groups, not from every report.
-- A busy event is reported by thousands of articles; re-clustering a bucket reloaded all of its
-- reports for every batch that added one (quadratic in the reports of one meeting). Reports are now
-- gathered as they are stored into groups (meeting_unit): all reports of one day of a bucket, or the
-- month or year reports of one date, status, place and participants (rank 1, 2, ... for an article's second and
-- later report with the same key). A group keeps what the clustering reads as counts of articles
-- (places, participants, held), and the groups that share an article (meeting_unit_link); the
-- clustering places groups, so its work is bounded by a bucket's number of groups, about its number
-- of meetings, whatever the number of reports. `bilat db check` recounts every group from its reports.
-- Never edit this file once shipped: add Migrations/0010_*.sql instead.

CREATE TABLE meeting_unit (
    id            INTEGER PRIMARY KEY,
    country_key   TEXT NOT NULL,
    mode          TEXT NOT NULL CHECK (mode IN ('in_person', 'phone', 'video')),
    bucket_year   INTEGER NOT NULL,
    -- ISO date of the reports (its length is its precision).
    date          TEXT NOT NULL,
    -- '' for a day group (held and planned reports of one day are one meeting).
    status        TEXT NOT NULL CHECK (status IN ('', 'held', 'planned')),
    -- '' for a day group and for reports naming no place.
    place         TEXT NOT NULL,
    -- The officials a month or year group's reports name (ids, sorted, joined by commas); '' for a day
    -- group: reports naming other people may be other meetings, so they are placed apart.
    participants  TEXT NOT NULL,
    rank          INTEGER NOT NULL DEFAULT 0,
    -- Distinct articles among the group's reports, and those reporting the meeting held.
    articles      INTEGER NOT NULL CHECK (articles >= 0),
    held          INTEGER NOT NULL CHECK (held BETWEEN 0 AND articles),
    -- The meeting the clustering put the group in.
    meeting_id    INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
    UNIQUE (country_key, mode, bucket_year, date, status, place, participants, rank)
);
CREATE INDEX meeting_unit_by_meeting ON meeting_unit(meeting_id);

-- Articles of a group naming each place.
CREATE TABLE meeting_unit_place (
    unit_id  INTEGER NOT NULL REFERENCES meeting_unit(id) ON DELETE CASCADE,
    place    TEXT NOT NULL,
    articles INTEGER NOT NULL CHECK (articles >= 0),
    PRIMARY KEY (unit_id, place)
) WITHOUT ROWID;

-- Articles of a group naming each participant.
CREATE TABLE meeting_unit_participant (
    unit_id     INTEGER NOT NULL REFERENCES meeting_unit(id) ON DELETE CASCADE,
    official_id INTEGER NOT NULL,
    articles    INTEGER NOT NULL CHECK (articles >= 0),
    PRIMARY KEY (unit_id, official_id)
) WITHOUT ROWID;

-- Groups of one bucket that share articles, both ways round.
CREATE TABLE meeting_unit_link (
    unit_id  INTEGER NOT NULL REFERENCES meeting_unit(id) ON DELETE CASCADE,
    other_id INTEGER NOT NULL,
    articles INTEGER NOT NULL CHECK (articles >= 0),
    PRIMARY KEY (unit_id, other_id)
) WITHOUT ROWID;

ALTER TABLE meeting_mention ADD COLUMN unit_id INTEGER REFERENCES meeting_unit(id);
-- A group's reports, and among them the ones not yet in its meeting (meeting_id NULL).
CREATE INDEX meeting_mention_by_unit ON meeting_mention(unit_id, meeting_id);

-- Upgrade: the groups of the stored reports.
CREATE TEMP TABLE mention_participants (id INTEGER PRIMARY KEY, list TEXT NOT NULL);
INSERT INTO mention_participants
SELECT mm.id, coalesce((SELECT group_concat(official_id) FROM (
    SELECT official_id FROM meeting_mention_participant WHERE mention_id = mm.id ORDER BY official_id)), '') AS list
FROM meeting_mention mm WHERE mm.date IS NOT NULL;

-- Keyed by the mention's id: the UPDATE below looks each mention up in it.
CREATE TEMP TABLE mention_unit_key (
    id INTEGER PRIMARY KEY, article_key, country_key, mode, bucket_year, date, report_status, status, place,
    participants, rank);
INSERT INTO mention_unit_key
SELECT id, article_key, country_key, mode, bucket_year, date, report_status, status, place, participants,
       CASE WHEN is_day THEN 0 ELSE row_number() OVER (
           PARTITION BY article_key, country_key, mode, date, status, place, participants ORDER BY position) - 1 END
FROM (
    -- A day group's key is its date alone; a month or year group's adds status, place and participants.
    SELECT mm.id, article_key, country_key, mode, bucket_year, date, position, status AS report_status,
           date_precision = 'day' AS is_day,
           CASE WHEN date_precision = 'day' THEN '' ELSE status END AS status,
           CASE WHEN date_precision = 'day' THEN '' ELSE coalesce(place, '') END AS place,
           CASE WHEN date_precision = 'day' THEN '' ELSE mp.list END AS participants
    FROM meeting_mention mm JOIN mention_participants mp ON mp.id = mm.id WHERE mm.date IS NOT NULL);

INSERT INTO meeting_unit(country_key, mode, bucket_year, date, status, place, participants, rank, articles, held,
                         meeting_id)
SELECT country_key, mode, bucket_year, date, status, place, participants, rank, count(DISTINCT article_key),
       count(DISTINCT CASE WHEN report_status = 'held' THEN article_key END), NULL
FROM mention_unit_key GROUP BY country_key, mode, bucket_year, date, status, place, participants, rank;

UPDATE meeting_mention SET unit_id = (
    SELECT u.id FROM mention_unit_key k JOIN meeting_unit u
        ON u.country_key = k.country_key AND u.mode = k.mode AND u.bucket_year = k.bucket_year
       AND u.date = k.date AND u.status = k.status AND u.place = k.place AND u.participants = k.participants
       AND u.rank = k.rank
    WHERE k.id = meeting_mention.id)
WHERE date IS NOT NULL;

-- Each group starts in the meeting most of its reports were in (the clustering keeps that id when
-- the meeting survives).
UPDATE meeting_unit SET meeting_id = (
    SELECT meeting_id FROM meeting_mention WHERE unit_id = meeting_unit.id AND meeting_id IS NOT NULL
    GROUP BY meeting_id ORDER BY count(*) DESC, meeting_id LIMIT 1);

INSERT INTO meeting_unit_place(unit_id, place, articles)
SELECT unit_id, place, count(DISTINCT article_key) FROM meeting_mention
WHERE unit_id IS NOT NULL AND place IS NOT NULL GROUP BY unit_id, place;

INSERT INTO meeting_unit_participant(unit_id, official_id, articles)
SELECT mm.unit_id, p.official_id, count(DISTINCT mm.article_key)
FROM meeting_mention mm JOIN meeting_mention_participant p ON p.mention_id = mm.id
WHERE mm.unit_id IS NOT NULL GROUP BY mm.unit_id, p.official_id;

-- b is found by its article (the `+` keeps SQLite off the bucket index, through which each report
-- would scan every report of its bucket: a summit's thousands).
INSERT INTO meeting_unit_link(unit_id, other_id, articles)
SELECT a.unit_id, b.unit_id, count(DISTINCT a.article_key)
FROM meeting_mention a JOIN meeting_mention b
    ON b.article_key = a.article_key AND b.unit_id <> a.unit_id
   AND +b.country_key = a.country_key AND +b.mode = a.mode AND +b.bucket_year = a.bucket_year
WHERE a.unit_id IS NOT NULL GROUP BY a.unit_id, b.unit_id;

-- The meetings are clustered again from the groups by the program right after this file
-- (SchemaMigrations: the data step of 0009).
DROP TABLE mention_unit_key;
DROP TABLE mention_participants;
