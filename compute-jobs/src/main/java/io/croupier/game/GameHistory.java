package io.croupier.game;

import io.croupier.check.Check;
import io.croupier.roulette.TableBet;
import io.croupier.schema.CacheSchema;
import io.croupier.slots.SlotRound;
import java.util.ArrayList;
import java.util.List;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;

/**
 * Game recall: a player's last rounds, newest first, with everything needed to replay them bit-exactly. Slot rounds:
 * the query is pinned to the player's partition (all their rounds live there), so it runs on one node and uses the
 * (PLAYER_ID, CREATED_AT) index. Roulette bets: each with its round, whose revealed seed and number are in
 * TABLE_ROUND.
 */
public final class GameHistory {
    public static final int LIMIT_MAX = 200;

    private final Ignite ignite;

    public GameHistory(Ignite ignite) {
        this.ignite = ignite;
    }

    /** The player's last roulette bets, newest first (bets live with their table, so this query visits every node). */
    public List<TableBet> lastTableBets(long playerId, int limit) {
        Check.argument(limit > 0 && limit <= LIMIT_MAX, "limit must be in 1.." + LIMIT_MAX);
        IgniteCache<Object, TableBet> bets = ignite.cache(CacheSchema.TABLE_BET);
        SqlFieldsQuery query = new SqlFieldsQuery(
                "SELECT _VAL FROM TABLE_BET WHERE PLAYER_ID = ? ORDER BY PLACED_AT DESC, ROUND_NO DESC, POSITION LIMIT ?")
                .setSchema(CacheSchema.SQL_SCHEMA)
                .setArgs(playerId, limit);
        List<TableBet> result = new ArrayList<>(limit);
        try (FieldsQueryCursor<List<?>> cursor = bets.query(query)) {
            cursor.forEach(row -> result.add((TableBet) row.get(0)));
        }
        return result;
    }

    public List<SlotRound> lastSlotRounds(long playerId, int limit) {
        Check.argument(limit > 0 && limit <= LIMIT_MAX, "limit must be in 1.." + LIMIT_MAX);
        IgniteCache<Object, SlotRound> rounds = ignite.cache(CacheSchema.ROUND);
        int partition = ignite.affinity(CacheSchema.ROUND).partition(playerId);
        SqlFieldsQuery query = new SqlFieldsQuery(
                "SELECT _VAL FROM ROUND WHERE PLAYER_ID = ? ORDER BY CREATED_AT DESC, NONCE DESC LIMIT ?")
                .setSchema(CacheSchema.SQL_SCHEMA)
                .setArgs(playerId, limit)
                .setPartitions(partition);
        List<SlotRound> result = new ArrayList<>(limit);
        try (FieldsQueryCursor<List<?>> cursor = rounds.query(query)) {
            cursor.forEach(row -> result.add((SlotRound) row.get(0)));
        }
        return result;
    }
}
