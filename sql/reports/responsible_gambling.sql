-- Question: how often did responsible-gambling controls act each day, and of which kind?
-- Parameters:
--   from  TIMESTAMP  1970-01-01T00:00:00Z  start of the period, inclusive (UTC)
--   to    TIMESTAMP  9999-12-31T00:00:00Z  end of the period, exclusive (UTC)
-- Expected cost: a range scan of RG_EVENT by CREATED_AT over the period (a few rows per player who sets limits), then a
--   distinct count of players per day and kind on the reducing node.
-- Result: one row per day (UTC) and kind of intervention (RG_EVENT.KIND: LIMIT_SET, LIMIT_INCREASE_PENDING,
--   LIMIT_APPLIED, LIMIT_REACHED, SELF_EXCLUDED, TIME_OUT, DEPOSITS_LOCKED, ADMIN_OVERRIDE). EVENTS = rows, PLAYERS =
--   distinct players they concern. LIMIT_REACHED is recorded once per player, limit and period however often the limit
--   refused play; LIMIT_APPLIED is recorded at the time the looser limit came into force.
-- COUNT(<key column>) rather than COUNT(*): Ignite 2.17's distributed query splitter fails on COUNT(*) next to a
--   COUNT(DISTINCT ...).
SELECT FORMATDATETIME(CREATED_AT, 'yyyy-MM-dd', 'en', 'UTC') AS DAY_UTC, KIND,
       COUNT(EVENT_ID) AS EVENTS, COUNT(DISTINCT PLAYER_ID) AS PLAYERS
FROM CROUPIER.RG_EVENT
WHERE CREATED_AT >= :from AND CREATED_AT < :to
GROUP BY FORMATDATETIME(CREATED_AT, 'yyyy-MM-dd', 'en', 'UTC'), KIND
ORDER BY DAY_UTC, KIND
