-- bilat schema, version 6: one index for a meeting's bucket, not two.
-- meeting_by_match_key (country_key, mode, status, date_first_day) and meeting_by_bucket
-- (country_key, mode, date_first_day) served the same look-ups: the consolidation's meetings of a
-- bucket and a pair's meetings by country_key (0005) use meeting_by_bucket as well, and no query
-- narrows by status through the index. Each cost a page write whenever a meeting was stored or
-- re-dated (a sixth of the meeting pages an ingest batch writes at 100,000 articles).
-- Never edit this file once shipped: add Migrations/0007_*.sql instead.

DROP INDEX meeting_by_match_key;
