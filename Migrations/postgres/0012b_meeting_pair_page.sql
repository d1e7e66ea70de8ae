-- bilat schema on PostgreSQL only: a pair's page of meetings (`bilat meetings A B`, latest first) read
-- in its order from an index, as SQLite reads it from meeting_by_pair_date. PostgreSQL cannot use
-- meeting_by_pair_date for it: the page sorts dates by bytes (COLLATE "C", as SQLite does), the index
-- holds them in the database's collation, so the pair's meetings were all read and sorted (2,769 for
-- the busiest pair of the 100,000-article benchmark) to keep 101. meeting_by_pair_date stays: the
-- consolidation's ranges of a bucket compare in the database's collation. The letter: no SQLite
-- migration means the same (its index already serves the page), see 0011a.
-- Never edit this file once shipped.

CREATE INDEX meeting_pair_page ON meeting(country_key, date_first_day COLLATE "C" DESC NULLS LAST, id DESC);
