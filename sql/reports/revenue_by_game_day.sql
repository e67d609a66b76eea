-- Question: gross and net gaming revenue (GGR, NGR) per game per day: what did each game win from the players?
-- Parameters:
--   from     TIMESTAMP  1970-01-01T00:00:00Z  start of the period, inclusive (UTC)
--   to       TIMESTAMP  9999-12-31T00:00:00Z  end of the period, exclusive (UTC)
--   tax_bps  LONG       0                     gaming duty on a positive GGR, in basis points (1500 = 15 %)
-- Expected cost: a range scan of ROUND by CREATED_AT and of TABLE_ROUND by SETTLED_AT over the period, each round's
--   bets by (TABLE_ID, ROUND_NO) (all indexed), then a group by; about one second per few million plays. Run it on
--   closed days; a month or more off-peak.
-- Result: one row per day (UTC, "yyyy-MM-dd"), game and currency; amounts in minor units of CURRENCY.
--   Slots: GAME is the slot game id, one play per spin (ROUND: STAKE, WIN), at the spin's time.
--   Roulette: GAME is "roulette:<table id>", one play per settled bet (TABLE_BET: STAKE, RETURNED = stake + win),
--   at its settlement; refunded bets are no revenue. GGR = stakes - wins. There are no bonuses yet, so
--   NGR = GGR - duty, the duty rounded down to a minor unit and charged only on a positive GGR.
SELECT FORMATDATETIME(DAY_NO, 'yyyy-MM-dd') AS DAY_UTC, GAME, CURRENCY,
       PLAYS, STAKES, WINS, STAKES - WINS AS GGR,
       STAKES - WINS - CASE WHEN STAKES > WINS THEN FLOOR((STAKES - WINS) * :tax_bps / 10000) ELSE 0 END AS NGR
FROM (
  SELECT CAST(CREATED_AT AS DATE) AS DAY_NO, GAME, CURRENCY,
         COUNT(*) AS PLAYS, SUM(STAKE) AS STAKES, SUM(WIN) AS WINS
  FROM CROUPIER.ROUND
  WHERE CREATED_AT >= :from AND CREATED_AT < :to
  GROUP BY CAST(CREATED_AT AS DATE), GAME, CURRENCY
  UNION ALL
  SELECT CAST(r.SETTLED_AT AS DATE), 'roulette:' || r.TABLE_ID, b.CURRENCY, COUNT(*), SUM(b.STAKE), SUM(b.RETURNED)
  FROM CROUPIER.TABLE_ROUND r JOIN CROUPIER.TABLE_BET b ON b.TABLE_ID = r.TABLE_ID AND b.ROUND_NO = r.ROUND_NO
  WHERE r.STATUS = 'SETTLED' AND r.SETTLED_AT >= :from AND r.SETTLED_AT < :to
  GROUP BY CAST(r.SETTLED_AT AS DATE), r.TABLE_ID, b.CURRENCY
) PER_DAY
ORDER BY 1, 2, 3
