-- Question: how many fraud and AML alerts did each rule raise in a period, and where are they in review?
-- Parameters:
--   from  TIMESTAMP  1970-01-01T00:00:00Z  start of the period, inclusive (UTC), on the alert's CREATED_AT
--   to    TIMESTAMP  9999-12-31T00:00:00Z  end of the period, exclusive (UTC)
-- Expected cost: a range scan of FRAUD_ALERT by CREATED_AT (indexed); alerts are few next to money operations.
-- Result: one row per rule and review status (OPEN, CONFIRMED, DISMISSED). ALERTS = alert rows raised in the period,
--   PLAYERS = distinct players among them, LOW/MEDIUM/HIGH = alerts by (worst) severity, which also says what they
--   did to the account (flag, hold withdrawals, block play); HITS = how often their findings were made in all.
-- COUNT(ALERT_ID), not COUNT(*): Ignite 2.17 fails a distributed GROUP BY that mixes COUNT(*) and COUNT(DISTINCT ...)
--   ("Index 0 out of bounds for length 0").
SELECT RULE, STATUS, COUNT(ALERT_ID) AS ALERTS, COUNT(DISTINCT PLAYER_ID) AS PLAYERS,
       SUM(CASE WHEN SEVERITY = 'LOW' THEN 1 ELSE 0 END) AS LOW,
       SUM(CASE WHEN SEVERITY = 'MEDIUM' THEN 1 ELSE 0 END) AS MEDIUM,
       SUM(CASE WHEN SEVERITY = 'HIGH' THEN 1 ELSE 0 END) AS HIGH,
       SUM(HITS) AS HITS
FROM CROUPIER.FRAUD_ALERT
WHERE CREATED_AT >= :from AND CREATED_AT < :to
GROUP BY RULE, STATUS
ORDER BY RULE, STATUS
