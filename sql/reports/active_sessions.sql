-- Question: how many players and sessions are active now, and which client addresses and devices do several players share?
-- Parameters:
--   playersMin  LONG  1  list an address or device only when at least this many players use it (2 or more: shared ones)
-- Expected cost: a full scan of SESSION (one row per live session; expired rows are removed by the grid), three
--   aggregations of it on the reducing node.
-- Result: rows of SCOPE = ADDRESS (VALUE: the client address at login), DEVICE (VALUE: the device fingerprint the
--   client sent; '(none)' when it sent none) and one TOTAL row; PLAYERS = distinct players, SESSIONS = sessions not
--   expired (EXPIRES_AT after now). Per scope, the most players first. Many players on one device or address is a
--   multi-accounting signal; one player on many is usually a household or a mobile network.
-- COUNT(<key column>) rather than COUNT(*): Ignite 2.17's distributed query splitter fails on COUNT(*) next to a
--   COUNT(DISTINCT ...).
SELECT SCOPE, "VALUE", PLAYERS, SESSIONS FROM (
  SELECT 'ADDRESS' AS SCOPE, COALESCE(REMOTE_ADDRESS, '(none)') AS "VALUE", COUNT(DISTINCT PLAYER_ID) AS PLAYERS,
         COUNT(SESSION_ID) AS SESSIONS
  FROM CROUPIER.SESSION
  WHERE EXPIRES_AT > CURRENT_TIMESTAMP()
  GROUP BY COALESCE(REMOTE_ADDRESS, '(none)')
  HAVING COUNT(DISTINCT PLAYER_ID) >= :playersMin
  UNION ALL
  SELECT 'DEVICE', COALESCE(DEVICE_FINGERPRINT, '(none)'), COUNT(DISTINCT PLAYER_ID), COUNT(SESSION_ID)
  FROM CROUPIER.SESSION
  WHERE EXPIRES_AT > CURRENT_TIMESTAMP()
  GROUP BY COALESCE(DEVICE_FINGERPRINT, '(none)')
  HAVING COUNT(DISTINCT PLAYER_ID) >= :playersMin
  UNION ALL
  SELECT 'TOTAL', 'ALL', COUNT(DISTINCT PLAYER_ID), COUNT(SESSION_ID)
  FROM CROUPIER.SESSION
  WHERE EXPIRES_AT > CURRENT_TIMESTAMP()
) ACTIVE
ORDER BY SCOPE, PLAYERS DESC, SESSIONS DESC, "VALUE"
