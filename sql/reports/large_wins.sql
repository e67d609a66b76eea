-- Question: which single plays won at least a threshold (for review, jackpot checks and anti-money-laundering)?
-- Parameters:
--   threshold  LONG       100000                smallest win reported, in minor units (100000 = 1,000.00)
--   from       TIMESTAMP  1970-01-01T00:00:00Z  start of the period, inclusive (UTC)
--   to         TIMESTAMP  9999-12-31T00:00:00Z  end of the period, exclusive (UTC)
-- Expected cost: a range scan of ROUND by CREATED_AT and of TABLE_BET by SETTLED_AT over the period; the threshold
--   filters rows, it does not use an index.
-- Result: one row per slot spin whose WIN >= threshold, and per roulette round and player whose total return
--   (stake + win of all the player's bets in that round) >= threshold; largest first. REFERENCE is the spin's round
--   id or "<table id>#<round no>". MULTIPLIER = win / stake.
SELECT AT_UTC, PLAYER_ID, GAME, REFERENCE, CURRENCY, STAKE, WIN, ROUND(1.0 * WIN / STAKE, 2) AS MULTIPLIER
FROM (
  SELECT CREATED_AT AS AT_UTC, PLAYER_ID, GAME, CAST(ROUND_ID AS VARCHAR) AS REFERENCE, CURRENCY, STAKE, WIN
  FROM CROUPIER.ROUND
  WHERE CREATED_AT >= :from AND CREATED_AT < :to AND WIN >= :threshold
  UNION ALL
  SELECT MAX(SETTLED_AT), PLAYER_ID, 'roulette:' || TABLE_ID, TABLE_ID || '#' || ROUND_NO, CURRENCY,
         SUM(STAKE), SUM(RETURNED)
  FROM CROUPIER.TABLE_BET
  WHERE STATUS = 'SETTLED' AND SETTLED_AT >= :from AND SETTLED_AT < :to
  GROUP BY TABLE_ID, ROUND_NO, PLAYER_ID, CURRENCY
  HAVING SUM(RETURNED) >= :threshold
) WINS
ORDER BY WIN DESC, AT_UTC, PLAYER_ID
