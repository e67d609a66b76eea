package io.croupier.fraud.detect;

import io.croupier.roulette.BetKind;
import io.croupier.roulette.RoundListener;
import io.croupier.roulette.TableBet;
import io.croupier.schema.CacheSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;
import org.apache.ignite.transactions.TransactionOptimisticException;

/**
 * The collusion checks of a roulette table, on the table's own node. The table driver hands each settled round over
 * ({@link RoundListener}); on the checks' thread, from the bets the driver read locally for settlement: 1. each
 * player's even-money positions ({@link PairStats#exposures}) 2. the pairs among the largest positions 3. the pairs'
 * TABLE_PAIR rows updated in one transaction in the table's partition 4. each updated pair judged
 * ({@link CollusionRule}) 5. findings raised on the players' nodes.
 *
 * <p>A round is counted once per pair: a row remembers the last round it took, and a round a resumed driver settles
 * again is skipped. A round dropped because the queue was full, or queued on a node that died, is missing from the
 * stats (they under-count, never over-count).
 */
final class TableCollusion implements RoundListener {
    private static final int CONFLICT_RETRIES = 3;

    private final Ignite ignite;
    private final CrossPlayerChecks checks;

    TableCollusion(Ignite ignite, CrossPlayerChecks checks) {
        this.ignite = ignite;
        this.checks = checks;
    }

    @Override
    public void settled(SettledRound round) {
        checks.offer(() -> judge(round));
    }

    void judge(SettledRound round) {
        CollusionSettings settings = CollusionSettings.read(checks.settings());
        List<PairStats.EvenMoneyBet> bets = new ArrayList<>(round.bets().size());
        for (TableBet b : round.bets()) {
            BetKind.byName(b.kind()).ifPresent(kind -> bets.add(new PairStats.EvenMoneyBet(b.playerId(), kind,
                    b.stake())));
        }
        Map<Long, PairStats.Exposure> exposures = PairStats.exposures(bets);
        List<Long> players = PairStats.candidates(exposures, settings.pairPlayersPerRoundMax());
        TreeMap<TablePairKey, PairStats.PairRound> pairs = new TreeMap<>();
        for (int i = 0; i < players.size(); i++) {
            for (int j = i + 1; j < players.size(); j++) {
                long lower = players.get(i);
                long higher = players.get(j);
                pairs.put(new TablePairKey(round.tableId(), lower, higher),
                        PairStats.pairRound(exposures.get(lower), exposures.get(higher), round.number(),
                                settings.stakeMirrorShareMin()));
            }
        }
        Map<TablePairKey, TablePair> updated = pairs.isEmpty() ? Map.of() : update(round, pairs);
        checks.roundJudged();
        List<Finding> findings = new ArrayList<>();
        updated.forEach((key, stats) -> findings.addAll(CollusionRule.judge(key, stats,
                CollusionRule.opposedEnough(stats, settings) ? roundsEither(key, stats) : 0, round.settledAtMs(),
                settings)));
        checks.raiseAll(findings);
    }

    /**
     * Rounds in which either player of the pair bet at the table, from {@code roundsTogether} rounds before their first
     * round together to their last: one query of the table's own partition (TABLE_BET is colocated by table and indexed
     * by table and round), run only for a pair already opposed often enough to be judged.
     */
    private long roundsEither(TablePairKey pair, TablePair stats) {
        SqlFieldsQuery q = new SqlFieldsQuery("SELECT COUNT(DISTINCT ROUND_NO) FROM " + CacheSchema.SQL_SCHEMA
                + ".TABLE_BET WHERE TABLE_ID = ? AND ROUND_NO >= ? AND ROUND_NO <= ? AND PLAYER_ID IN (?, ?)")
                .setArgs(pair.tableId(), Math.max(0, stats.firstRoundNo() - stats.roundsTogether()),
                        stats.lastRoundNo(), pair.lowerPlayerId(), pair.higherPlayerId())
                .setPartitions(ignite.affinity(CacheSchema.ROULETTE_TABLE).partition(pair.tableId()));
        List<List<?>> rows = ignite.cache(CacheSchema.TABLE_BET).query(q).getAll();
        long either = rows.isEmpty() || rows.get(0).get(0) == null ? 0 : ((Number) rows.get(0).get(0)).longValue();
        return Math.max(either, stats.roundsTogether());
    }

    /**
     * Adds the round to each pair's row, in one transaction in the table's partition (local: this is the table's
     * node). Keys in sorted order; OPTIMISTIC SERIALIZABLE locks them all at prepare. Returns the rows written.
     */
    private Map<TablePairKey, TablePair> update(SettledRound round, TreeMap<TablePairKey, PairStats.PairRound> pairs) {
        IgniteCache<TablePairKey, TablePair> cache = ignite.cache(CacheSchema.TABLE_PAIR);
        long now = checks.clock().millis();
        for (int attempt = 1; ; attempt++) {
            try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.OPTIMISTIC,
                    TransactionIsolation.SERIALIZABLE, 0, pairs.size())) {
                Map<TablePairKey, TablePair> prior = cache.getAll(pairs.keySet());
                TreeMap<TablePairKey, TablePair> rows = new TreeMap<>();
                pairs.forEach((key, pairRound) -> {
                    TablePair p = prior.getOrDefault(key, TablePair.NONE);
                    if (p.lastRoundNo() < round.roundNo()) {
                        rows.put(key, p.plus(pairRound, round.roundNo(), now));
                    }
                });
                cache.putAll(rows);
                tx.commit();
                return rows;
            } catch (TransactionOptimisticException e) {
                if (attempt >= CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }
}
