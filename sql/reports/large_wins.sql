-- Question: which single plays won at least a threshold (for review, jackpot checks and anti-money-laundering)?
-- Parameters:
--   threshold  LONG       100000                smallest win reported, in minor units (100000 = 1,000.00)
--   from       TIMESTAMP  1970-01-01T00:00:00Z  start of the period, inclusive (UTC)
--   to         TIMESTAMP  9999-12-31T00:00:00Z  end of the period, exclusive (UTC)
-- Expected cost: a range scan of ROUND by CREATED_AT and of TABLE_ROUND by SETTLED_AT over the period, each round's
--   bets by (TABLE_ID, ROUND_NO); the threshold filters rows, it does not use an index.
-- Result: one row per slot spin whose WIN >= threshold, and per roulette round and player whose total return
--   (stake + win of all the player's bets in that round) >= threshold; largest first. REFERENCE is the spin's round
--   id or "<table id>#<round no>". MULTIPLIER = win / stake.
SELECT AT_UTC, PLAYER_ID, GAME, REFERENCE, CURRENCY, STAKE, WIN, ROUND(1.0 * WIN / STAKE, 2) AS MULTIPLIER
FROM (
  SELECT CREATED_AT AS AT_UTC, PLAYER_ID, GAME, CAST(ROUND_ID AS VARCHAR) AS REFERENCE, CURRENCY, STAKE, WIN
  FROM CROUPIER.ROUND
  WHERE CREATED_AT >= :from AND CREATED_AT < :to AND WIN >= :threshold
  UNION ALL
  SELECT MAX(r.SETTLED_AT), b.PLAYER_ID, 'roulette:' || r.TABLE_ID, r.TABLE_ID || '#' || r.ROUND_NO, b.CURRENCY,
         SUM(b.STAKE), SUM(b.RETURNED)
  FROM CROUPIER.TABLE_ROUND r JOIN CROUPIER.TABLE_BET b ON b.TABLE_ID = r.TABLE_ID AND b.ROUND_NO = r.ROUND_NO
  WHERE r.STATUS = 'SETTLED' AND r.SETTLED_AT >= :from AND r.SETTLED_AT < :to
  GROUP BY r.TABLE_ID, r.ROUND_NO, b.PLAYER_ID, b.CURRENCY
  HAVING SUM(b.RETURNED) >= :threshold
) WINS
ORDER BY WIN DESC, AT_UTC, PLAYER_ID
