-- Question: which money movements were at least a threshold (deposits, withdrawals, stakes or wins; for
--   anti-money-laundering review)?
-- Parameters:
--   threshold  LONG       1000000               smallest amount reported, in minor units (1000000 = 10,000.00)
--   from       TIMESTAMP  1970-01-01T00:00:00Z  start of the period, inclusive (UTC)
--   to         TIMESTAMP  9999-12-31T00:00:00Z  end of the period, exclusive (UTC)
-- Expected cost: a full scan of TRANSFER (one row per applied money operation, not indexed by time: an index would
--   tax every operation); run it off-peak on a large grid, and prefer a short period.
-- Result: one row per applied operation whose AMOUNT (deposit, withdrawal, stake) or WIN_AMOUNT (the win of a spin
--   or bet-and-win) >= threshold; largest first. IDEMPOTENCY_KEY is the key the client chose.
SELECT CREATED_AT AS AT_UTC, PLAYER_ID, KIND, CURRENCY, AMOUNT, WIN_AMOUNT, IDEMPOTENCY_KEY, REFERENCE,
       BALANCE_AFTER
FROM CROUPIER.TRANSFER
WHERE CREATED_AT >= :from AND CREATED_AT < :to AND (AMOUNT >= :threshold OR WIN_AMOUNT >= :threshold)
ORDER BY GREATEST(AMOUNT, WIN_AMOUNT) DESC, AT_UTC, PLAYER_ID
