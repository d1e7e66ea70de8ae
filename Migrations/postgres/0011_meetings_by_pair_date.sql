-- bilat schema on PostgreSQL, version 11: as Migrations/0011_meetings_by_pair_date.sql, a pair's
-- meetings indexed by (country_key, date_first_day) in place of meeting_by_bucket, so that both
-- backends keep the same indexes and an export of either imports into the other.
-- Never edit this file once shipped.

DROP INDEX meeting_by_bucket;
CREATE INDEX meeting_by_pair_date ON meeting(country_key, date_first_day);
