-- Question: is each game paying back what it should? Actual return to player (RTP) per game against the
--   theoretical one, with a confidence interval for the actual figure.
-- Parameters:
--   from  TIMESTAMP  1970-01-01T00:00:00Z  start of the period, inclusive (UTC)
--   to    TIMESTAMP  9999-12-31T00:00:00Z  end of the period, exclusive (UTC)
--   z     DECIMAL    1.96                  normal quantile of the interval (1.96: 95 %, 2.576: 99 %)
-- Expected cost: the same range scans as revenue_by_game_day (ROUND by CREATED_AT, TABLE_ROUND by SETTLED_AT and
--   its bets), one
--   group by game; the sums are joined with SLOT_GAME (replicated) after grouping, once per game, not once per play.
-- Result: one row per game and currency. ACTUAL_RTP = wins / stakes. The interval is the delta-method interval of a
--   ratio of sums, from the plays themselves: with r = ACTUAL_RTP and n plays of stake s and win w,
--   SE = sqrt(n / (n - 1) * sum((w - r s)^2)) / sum(s); CI = r -/+ z SE. A THEORETICAL_RTP outside [CI_LOW, CI_HIGH]
--   deserves a look (one game in twenty does so by chance at z = 1.96). Slots: theoretical = the game's published
--   RTP (SLOT_GAME.RTP). Roulette (single zero): every bet returns 36/37 of its stake on average.
--   Games with fewer than 2 plays have no interval.
SELECT GAME, CURRENCY, PLAYS, STAKES, WINS, ACTUAL_RTP, THEORETICAL_RTP,
       CASEWHEN(PLAYS > 1, ROUND(ACTUAL_RTP - :z * SQRT(PLAYS / (PLAYS - 1.0) * RESIDUAL_SQUARES) / STAKES, 6), NULL)
         AS CI_LOW,
       CASEWHEN(PLAYS > 1, ROUND(ACTUAL_RTP + :z * SQRT(PLAYS / (PLAYS - 1.0) * RESIDUAL_SQUARES) / STAKES, 6), NULL)
         AS CI_HIGH
FROM (
  SELECT SUMS.GAME AS GAME, CURRENCY, PLAYS, STAKES, WINS, ROUND(1.0 * WINS / STAKES, 6) AS ACTUAL_RTP,
         COALESCE(g.RTP, ROULETTE_RTP) AS THEORETICAL_RTP,
         -- sum((w - r s)^2) = sum(w^2) - 2 r sum(s w) + r^2 sum(s^2), in floating point (squares of minor units)
         GREATEST(0.0, WIN_SQUARES - 2.0 * WINS / STAKES * STAKE_WINS + (1.0 * WINS / STAKES) * (1.0 * WINS / STAKES)
                  * STAKE_SQUARES) AS RESIDUAL_SQUARES
  FROM (
    SELECT GAME, CURRENCY, COUNT(*) AS PLAYS, SUM(STAKE) AS STAKES, SUM(WIN) AS WINS,
           SUM(CAST(STAKE AS DOUBLE) * STAKE) AS STAKE_SQUARES, SUM(CAST(WIN AS DOUBLE) * WIN) AS WIN_SQUARES,
           SUM(CAST(STAKE AS DOUBLE) * WIN) AS STAKE_WINS, CAST(NULL AS DECIMAL) AS ROULETTE_RTP
    FROM CROUPIER.ROUND
    WHERE CREATED_AT >= :from AND CREATED_AT < :to
    GROUP BY GAME, CURRENCY
    UNION ALL
    SELECT 'roulette:' || r.TABLE_ID, b.CURRENCY, COUNT(*), SUM(b.STAKE), SUM(b.RETURNED),
           SUM(CAST(b.STAKE AS DOUBLE) * b.STAKE), SUM(CAST(b.RETURNED AS DOUBLE) * b.RETURNED),
           SUM(CAST(b.STAKE AS DOUBLE) * b.RETURNED), ROUND(36.0 / 37, 6)
    FROM CROUPIER.TABLE_ROUND r JOIN CROUPIER.TABLE_BET b ON b.TABLE_ID = r.TABLE_ID AND b.ROUND_NO = r.ROUND_NO
    WHERE r.STATUS = 'SETTLED' AND r.SETTLED_AT >= :from AND r.SETTLED_AT < :to
    GROUP BY r.TABLE_ID, b.CURRENCY
  ) SUMS LEFT JOIN CROUPIER.SLOT_GAME g ON g.GAME_ID = SUMS.GAME
  WHERE STAKES > 0
) RATIOS
ORDER BY GAME, CURRENCY
