-- Question: does the whole ledger sum to zero, and what does each account hold?
-- Parameters: none.
-- Expected cost: one pass over LEDGER.
-- Expected result on a healthy grid: the TOTAL row is 0; WALLET equals the sum of all balances.
SELECT ACCOUNT, SUM(AMOUNT) AS TOTAL, COUNT(*) AS POSTINGS
FROM CROUPIER.LEDGER
GROUP BY ACCOUNT
UNION ALL
SELECT 'TOTAL', COALESCE(SUM(AMOUNT), 0), COUNT(*) FROM CROUPIER.LEDGER
