-- bilat schema, version 5: a pair's meetings without intersecting the two countries' meeting lists.
-- `bilat meetings A B` intersected meeting_country for A and for B: at 100,000 articles it read the
-- 23,632 meetings of the smaller country to return a pair's 2,889 (18 ms before any row was built).
-- A meeting of exactly the named sides is now found by meeting.country_key (the index
-- meeting_by_match_key leads with it); one of more sides (a multilateral meeting, whose key is longer
-- than a pair's five characters) through this partial index, which holds only those, and a probe of
-- meeting_country for each named side.
-- Never edit this file once shipped: add Migrations/0006_*.sql instead.

CREATE INDEX meeting_multilateral ON meeting(id) WHERE length(country_key) > 5;
