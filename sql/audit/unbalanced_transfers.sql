-- Question: which transfers do not sum to zero (a half-written transfer would show here)?
-- Parameters: none.
-- Expected cost: one pass over LEDGER grouped by TRANSFER_ID.
-- Expected result on a healthy grid: no rows.
SELECT TRANSFER_ID, PLAYER_ID, SUM(AMOUNT) AS TOTAL, COUNT(*) AS POSTINGS
FROM CROUPIER.LEDGER
GROUP BY TRANSFER_ID, PLAYER_ID
HAVING SUM(AMOUNT) <> 0
