-- Question: how many players played each day, how often and for how much?
-- Parameters:
--   from  TIMESTAMP  1970-01-01T00:00:00Z  start of the period, inclusive (UTC)
--   to    TIMESTAMP  9999-12-31T00:00:00Z  end of the period, exclusive (UTC)
-- Expected cost: a range scan of ROUND by CREATED_AT and of TABLE_ROUND by SETTLED_AT over the period, each round's
--   bets by (TABLE_ID, ROUND_NO), then a distinct count of players per day on the reducing node (memory grows with the
--   number of distinct players of the period).
-- Result: one row per day (UTC) and currency. ACTIVE_PLAYERS = players with at least one slot spin or roulette bet
--   that day (each counted once); PLAYS = spins + bets; STAKES in minor units of CURRENCY. A roulette bet counts on
--   the day its round was settled or refunded (bets of a round still open are not counted yet). Player sessions are not
--   recorded on the grid yet, so there is no session count.
SELECT FORMATDATETIME(DAY_NO, 'yyyy-MM-dd') AS DAY_UTC, CURRENCY, COUNT(DISTINCT PLAYER_ID) AS ACTIVE_PLAYERS,
       SUM(PLAYS) AS PLAYS, SUM(STAKES) AS STAKES
FROM (
  SELECT CAST(CREATED_AT AS DATE) AS DAY_NO, CURRENCY, PLAYER_ID,
         COUNT(*) AS PLAYS, SUM(STAKE) AS STAKES
  FROM CROUPIER.ROUND
  WHERE CREATED_AT >= :from AND CREATED_AT < :to
  GROUP BY CAST(CREATED_AT AS DATE), CURRENCY, PLAYER_ID
  UNION ALL
  SELECT CAST(r.SETTLED_AT AS DATE), b.CURRENCY, b.PLAYER_ID, COUNT(*), SUM(b.STAKE)
  FROM CROUPIER.TABLE_ROUND r JOIN CROUPIER.TABLE_BET b ON b.TABLE_ID = r.TABLE_ID AND b.ROUND_NO = r.ROUND_NO
  WHERE r.SETTLED_AT >= :from AND r.SETTLED_AT < :to
  GROUP BY CAST(r.SETTLED_AT AS DATE), b.CURRENCY, b.PLAYER_ID
) PER_PLAYER
GROUP BY DAY_NO, CURRENCY
ORDER BY DAY_NO, CURRENCY
