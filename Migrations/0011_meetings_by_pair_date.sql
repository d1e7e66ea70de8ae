-- bilat schema, version 11: a pair's meetings read in date order, not sorted.
-- `bilat meetings A B` shows a pair's latest meetings first. meeting_by_bucket (country_key, mode,
-- date_first_day) found the pair's meetings but, with mode between the pair and the date, not in
-- date order: every meeting of the pair was read and sorted for a page of 50 (the busiest pair at
-- 1,000,000 articles, 4,329 meetings: p99 12 ms). This index, (country_key, date_first_day) and the
-- rowid after them, holds a pair's meetings in the page's order, so a page reads its 50 rows and
-- stops. It replaces meeting_by_bucket rather than adding to it: the consolidation's look-up of a
-- bucket (pair, mode, year) ranges over the pair's dates of that year and leaves the other modes'
-- rows aside, one index written per meeting as before.
-- Never edit this file once shipped: add Migrations/0012_*.sql instead.

DROP INDEX meeting_by_bucket;
CREATE INDEX meeting_by_pair_date ON meeting(country_key, date_first_day);
