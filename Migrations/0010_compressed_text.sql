-- bilat schema, version 10: an article's text is stored compressed, in the layout of SQLite archives.
-- The text was 1.34× its own size in the article table (3 KB rows fill 8 KB pages two at a time); zlib
-- makes the bench corpus's 25 MB of text 11.5 MB, the database 3.5× → 2.6× the text.
--  * article.text_zlib: the UTF-8 text as zlib's compress() makes it, or the bytes themselves when that
--    is not smaller; article.text_size: the text's length in bytes. `sqlar_uncompress(text_zlib,
--    text_size)` gives the text back: a function the stock `sqlite3` shell has built in (for its .ar
--    command), and that bilat registers on its own connections, with `sqlar_compress`, which this
--    migration uses. Other SQLite clients (Python's sqlite3, Datasette) need it registered: README.
--  * the views read plain text as before (`sentence_text`, `statement_text`), and a new view
--    `article_text` gives each article with its text.
-- The pages the plain text held become free pages of the file, used again by later ingests; `VACUUM`
-- (`sqlite3 bilat.sqlite VACUUM`) gives them back to the disk: the bench's 10,000-article database is
-- 104.9 MB once migrated (34.5 MB of it free pages), 67.3 MB after a VACUUM (90.6 MB before). Not run here: a
-- migration is one transaction, and VACUUM rewrites the whole file, needing its size again on disk.
-- GRDB runs a migration with foreign keys off and checks them all before it commits.
-- Never edit this file once shipped: add Migrations/0011_*.sql instead.

DROP VIEW sentence_text;
DROP VIEW statement_text;
DROP TRIGGER sentence_fts_before_article_delete;
DROP TRIGGER sentence_after_article_delete;
DROP TRIGGER sentence_fts_after_delete;

-- A new table rather than ADD COLUMN and DROP COLUMN: those rewrite each row where it was, and left
-- the bench's 10,000-article table on 51.8 MB of pages, 37.9 MB of them empty; copied, it takes 15.2 MB.
CREATE TABLE article_new (
    key            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    external_id    TEXT,
    url            TEXT,
    source         TEXT,
    title          TEXT,
    published      TEXT,
    ingested_at    TEXT NOT NULL,
    body_start     INTEGER NOT NULL DEFAULT 0,
    dateline_city  TEXT,
    first_sentence INTEGER NOT NULL DEFAULT 0,
    sentence_count INTEGER NOT NULL DEFAULT 0,
    text_size      INTEGER NOT NULL,
    text_zlib      BLOB NOT NULL
);
INSERT INTO article_new
SELECT key, id, external_id, url, source, title, published, ingested_at, body_start, dateline_city,
       first_sentence, sentence_count, length(CAST(text AS BLOB)), sqlar_compress(CAST(text AS BLOB))
FROM article ORDER BY key;
DROP TABLE article;
ALTER TABLE article_new RENAME TO article;
CREATE UNIQUE INDEX article_by_url ON article(url) WHERE url IS NOT NULL;
CREATE UNIQUE INDEX article_by_external_id ON article(external_id) WHERE external_id IS NOT NULL;
CREATE INDEX article_by_published ON article(published);

CREATE VIEW article_text AS
SELECT key, id, external_id, url, source, title, published, ingested_at, body_start, dateline_city,
       first_sentence, sentence_count, CAST(sqlar_uncompress(text_zlib, text_size) AS TEXT) AS text
FROM article;

CREATE VIEW sentence_text AS
SELECT s.id, s.article_key, s.id - a.first_sentence AS position, s.start_offset, s.end_offset,
       substr(CAST(sqlar_uncompress(a.text_zlib, a.text_size) AS TEXT), s.start_offset + 1,
              s.end_offset - s.start_offset) AS text
FROM sentence s JOIN article a ON a.key = s.article_key;

CREATE VIEW statement_text AS
SELECT st.id, st.article_key, st.sentence_id, st.speaker, st.country, st.verb, st.type, st.start_offset,
       st.end_offset, substr(CAST(sqlar_uncompress(a.text_zlib, a.text_size) AS TEXT), st.start_offset + 1,
                             st.end_offset - st.start_offset) AS text
FROM statement st JOIN article a ON a.key = st.article_key;

-- As in 0008: an article's sentences leave the full-text index while its text is there to name their
-- terms (bilat empties the range first and unindexes them itself, reading the text once).
CREATE TRIGGER sentence_fts_before_article_delete BEFORE DELETE ON article BEGIN
    INSERT INTO sentence_fts(sentence_fts, rowid, text)
    SELECT 'delete', s.id, substr(CAST(sqlar_uncompress(old.text_zlib, old.text_size) AS TEXT), s.start_offset + 1,
                                  s.end_offset - s.start_offset)
    FROM sentence s WHERE s.id BETWEEN old.first_sentence AND old.first_sentence + old.sentence_count - 1;
END;
CREATE TRIGGER sentence_after_article_delete AFTER DELETE ON article BEGIN
    DELETE FROM sentence WHERE id BETWEEN old.first_sentence AND old.first_sentence + old.sentence_count - 1;
END;
CREATE TRIGGER sentence_fts_after_delete AFTER DELETE ON sentence BEGIN
    INSERT INTO sentence_fts(sentence_fts, rowid, text)
    SELECT 'delete', old.id, substr(CAST(sqlar_uncompress(a.text_zlib, a.text_size) AS TEXT), old.start_offset + 1,
                                    old.end_offset - old.start_offset)
    FROM article a WHERE a.key = old.article_key;
END;
