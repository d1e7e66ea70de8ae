-- bilat schema, version 8: an article's sentences are a range of ids, not an index.
-- A sentence row was its id, article_key, position and offsets, plus a UNIQUE (article_key, position)
-- index that existed to find an article's sentences (the cascade from article, the full-text delete)
-- and to order them. The sentences of one article are stored one after another, so their ids are
-- consecutive (the writer gives them max(id) + 1 onward, as the rowid did):
--  * article records the range: first_sentence and sentence_count (0 and 0 without sentences);
--  * sentence keeps id, article_key and its offsets; position is id - first_sentence;
--  * sentence no longer references article: triggers delete an article's range of sentences, and
--    their full-text rows, with the article. `bilat db check` verifies that each sentence lies in
--    its article's range and that each range holds its count.
-- At 100,000 articles: 113 MB of sentences and their index become ~40 MB, and a sentence is written
-- to one b-tree instead of two.
-- GRDB runs a migration with foreign keys off and checks them all before it commits.
-- Never edit this file once shipped: add Migrations/0009_*.sql instead.

DROP VIEW sentence_text;
DROP TRIGGER sentence_fts_before_article_delete;
DROP TRIGGER sentence_fts_after_delete;

ALTER TABLE article ADD COLUMN first_sentence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE article ADD COLUMN sentence_count INTEGER NOT NULL DEFAULT 0;
UPDATE article SET (first_sentence, sentence_count) =
    (SELECT coalesce(min(s.id), 0), count(*) FROM sentence s WHERE s.article_key = article.key);
-- The ranges hold only if each article's ids are consecutive, as every writer made them; if a
-- database broke that, the migration stops here rather than let a range reach another article.
CREATE TEMP TABLE sentence_range_check (
    ok INTEGER CONSTRAINT "each article's sentence ids are consecutive" CHECK (ok)
);
INSERT INTO sentence_range_check SELECT NOT EXISTS (
    SELECT 1 FROM article a
    WHERE a.sentence_count > 0
      AND (SELECT max(s.id) FROM sentence s WHERE s.article_key = a.key) <> a.first_sentence + a.sentence_count - 1);
DROP TABLE sentence_range_check;

CREATE TABLE sentence_new (
    id           INTEGER PRIMARY KEY,
    article_key  INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL
);
INSERT INTO sentence_new SELECT id, article_key, start_offset, end_offset FROM sentence ORDER BY id;
DROP TABLE sentence;
ALTER TABLE sentence_new RENAME TO sentence;

CREATE VIEW sentence_text AS
SELECT s.id, s.article_key, s.id - a.first_sentence AS position, s.start_offset, s.end_offset,
       substr(a.text, s.start_offset + 1, s.end_offset - s.start_offset) AS text
FROM sentence s JOIN article a ON a.key = s.article_key;

-- An article's sentences leave the full-text index while the article's text is still there to name
-- their terms, then leave the table.
CREATE TRIGGER sentence_fts_before_article_delete BEFORE DELETE ON article BEGIN
    INSERT INTO sentence_fts(sentence_fts, rowid, text)
    SELECT 'delete', s.id, substr(old.text, s.start_offset + 1, s.end_offset - s.start_offset)
    FROM sentence s WHERE s.id BETWEEN old.first_sentence AND old.first_sentence + old.sentence_count - 1;
END;
CREATE TRIGGER sentence_after_article_delete AFTER DELETE ON article BEGIN
    DELETE FROM sentence WHERE id BETWEEN old.first_sentence AND old.first_sentence + old.sentence_count - 1;
END;
-- A sentence deleted on its own (never by bilat) leaves the index too.
CREATE TRIGGER sentence_fts_after_delete AFTER DELETE ON sentence BEGIN
    INSERT INTO sentence_fts(sentence_fts, rowid, text)
    SELECT 'delete', old.id, substr(a.text, old.start_offset + 1, old.end_offset - old.start_offset)
    FROM article a WHERE a.key = old.article_key;
END;
