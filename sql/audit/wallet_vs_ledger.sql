-- Question: which wallets differ from the sum of their WALLET ledger rows?
-- Parameters: none.
-- Expected cost: one pass over WALLET and LEDGER (grouped by PLAYER_ID); run off-peak on large ledgers.
-- Expected result on a healthy grid: no rows.
SELECT w.PLAYER_ID, w.BALANCE, COALESCE(l.LEDGER_SUM, 0) AS LEDGER_SUM
FROM CROUPIER.WALLET w
LEFT JOIN (SELECT PLAYER_ID, SUM(AMOUNT) AS LEDGER_SUM
           FROM CROUPIER.LEDGER WHERE ACCOUNT = 'WALLET' GROUP BY PLAYER_ID) l
       ON l.PLAYER_ID = w.PLAYER_ID
WHERE w.BALANCE <> COALESCE(l.LEDGER_SUM, 0)
ORDER BY w.PLAYER_ID
