-- Question: how much does the operator owe its players right now (operator liability), per currency?
-- Parameters: none.
-- Expected cost: one pass over WALLET (one row per player) and a scan of TABLE_BET for bets still PLACED (bets of
--   rounds not settled yet: a few thousand rows at any time; older rows are skipped by the status filter).
-- Result: one row per currency, amounts in minor units. BALANCES = sum of every wallet balance (money players can
--   withdraw); HELD = stakes of roulette bets placed in rounds not settled yet (taken from the wallets, owed back to
--   the players if the round is refunded, part of the payout otherwise). LIABILITY = BALANCES + HELD, the figure a
--   regulator asks the operator to cover with segregated funds. Slot spins hold nothing: stake and win commit together.
SELECT CURRENCY, SUM(WALLETS) AS WALLETS, SUM(BALANCES) AS BALANCES, SUM(HELD) AS HELD,
       SUM(BALANCES) + SUM(HELD) AS LIABILITY
FROM (
  SELECT CURRENCY, COUNT(*) AS WALLETS, SUM(BALANCE) AS BALANCES, 0 AS HELD
  FROM CROUPIER.WALLET
  GROUP BY CURRENCY
  UNION ALL
  SELECT CURRENCY, 0, 0, SUM(STAKE)
  FROM CROUPIER.TABLE_BET
  WHERE STATUS = 'PLACED'
  GROUP BY CURRENCY
) PARTS
GROUP BY CURRENCY
ORDER BY CURRENCY
