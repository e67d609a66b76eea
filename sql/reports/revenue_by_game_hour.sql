-- Question: gross and net gaming revenue (GGR, NGR) per game per hour: what did each game win from the players?
-- Parameters:
--   from     TIMESTAMP  1970-01-01T00:00:00Z  start of the period, inclusive (UTC)
--   to       TIMESTAMP  9999-12-31T00:00:00Z  end of the period, exclusive (UTC)
--   tax_bps  LONG       0                     gaming duty on a positive GGR, in basis points (1500 = 15 %)
-- Expected cost: a range scan of ROUND by CREATED_AT and of TABLE_BET by SETTLED_AT over the period (both indexed),
--   then a group by on the UTC date and hour (cheap date arithmetic per play; the label is formatted once per row
--   of the result). Run it on closed periods (a past hour or day).
-- Result: one row per hour (UTC, "yyyy-MM-dd HH:00"), game and currency; amounts in minor units of CURRENCY.
--   Slots: GAME is the slot game id, one play per spin (ROUND: STAKE, WIN), at the spin's time.
--   Roulette: GAME is "roulette:<table id>", one play per settled bet (TABLE_BET: STAKE, RETURNED = stake + win),
--   at its settlement; refunded bets are no revenue. GGR = stakes - wins. There are no bonuses yet, so
--   NGR = GGR - duty, the duty rounded down to a minor unit and charged only on a positive GGR.
SELECT FORMATDATETIME(DATEADD('HOUR', HOUR_NO, DAY_NO), 'yyyy-MM-dd HH:00') AS HOUR_UTC, GAME, CURRENCY,
       PLAYS, STAKES, WINS, STAKES - WINS AS GGR,
       STAKES - WINS - CASE WHEN STAKES > WINS THEN FLOOR((STAKES - WINS) * :tax_bps / 10000) ELSE 0 END AS NGR
FROM (
  SELECT CAST(CREATED_AT AS DATE) AS DAY_NO, HOUR(CREATED_AT) AS HOUR_NO, GAME, CURRENCY,
         COUNT(*) AS PLAYS, SUM(STAKE) AS STAKES, SUM(WIN) AS WINS
  FROM CROUPIER.ROUND
  WHERE CREATED_AT >= :from AND CREATED_AT < :to
  GROUP BY CAST(CREATED_AT AS DATE), HOUR(CREATED_AT), GAME, CURRENCY
  UNION ALL
  SELECT CAST(SETTLED_AT AS DATE), HOUR(SETTLED_AT), 'roulette:' || TABLE_ID, CURRENCY,
         COUNT(*), SUM(STAKE), SUM(RETURNED)
  FROM CROUPIER.TABLE_BET
  WHERE STATUS = 'SETTLED' AND SETTLED_AT >= :from AND SETTLED_AT < :to
  GROUP BY CAST(SETTLED_AT AS DATE), HOUR(SETTLED_AT), TABLE_ID, CURRENCY
) PER_HOUR
ORDER BY 1, 2, 3
