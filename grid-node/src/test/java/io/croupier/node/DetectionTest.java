package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.fraud.detect.AlertRule;
import io.croupier.fraud.detect.AlertStatus;
import io.croupier.fraud.detect.AnomalyModel;
import io.croupier.fraud.detect.AnomalyTraining;
import io.croupier.fraud.detect.DetectSettings;
import io.croupier.fraud.detect.Detector;
import io.croupier.fraud.detect.FraudAlert;
import io.croupier.fraud.detect.FraudAlertKey;
import io.croupier.fraud.detect.FraudAlerts;
import io.croupier.fraud.detect.PlayerActivity;
import io.croupier.fraud.detect.RiskSettingStore;
import io.croupier.player.Player;
import io.croupier.player.PlayerStatus;
import io.croupier.player.Players;
import io.croupier.schema.CacheSchema;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.GroupCommitter;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.PipelineSettings;
import io.croupier.wallet.ResultCode;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cluster.ClusterNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The near-real-time detector on three server nodes (backups 1), as GridNodes wires it: each player is judged on
 * their primary node from local data, an alert's hold refuses the next withdrawal and moves nothing, thresholds
 * change at run time, the sweep judges what never reached the detector, roulette rounds join the win rate with their
 * exact theory, and the anomaly model trains from every node's players.
 */
class DetectionTest {
    private static final long NEAR_THRESHOLD_MINOR = 950_000;
    private static final long AWAIT_MS = 10_000;
    private static TestGrid grid;
    private static Ignite node;
    private static GridWalletService wallet;
    private static Players players;
    private static RiskSettingStore settings;

    @BeforeAll
    static void startGrid() throws Exception {
        Map<String, String> extra = new HashMap<>(TestGrid.NO_STAKE_VELOCITY_LIMIT);
        extra.putAll(TestGrid.DETECTION);
        extra.put("croupier.cache.backups", "1");
        // The sweep runs when a test asks for it.
        extra.put("croupier.detect.sweepPeriodMs", "3600000");
        grid = new TestGrid(extra);
        node = grid.startServer();
        grid.startServer();
        grid.startServer();
        TestGrid.awaitServers(node, 3, 30_000);
        wallet = new GridWalletService(node, PipelineSettings.defaults());
        players = new Players(node, Clock.systemUTC());
        settings = new RiskSettingStore(node, Clock.systemUTC());
    }

    @AfterAll
    static void stopGrid() throws Exception {
        wallet.close();
        grid.close();
    }

    private static long fundedPlayer(String name, long amount) {
        return MoneyTables.fundedPlayer(players, wallet, name, amount);
    }

    private static void deposit(long player, String key, long amount) {
        assertThat(wallet.execute(MoneyRequest.deposit(player, key, "EUR", amount, "tok")).isOk()).isTrue();
    }

    private static PlayerActivity activity(long player) {
        IgniteCache<Long, PlayerActivity> c = node.cache(CacheSchema.PLAYER_ACTIVITY);
        return c.get(player);
    }

    private static long transfersOf(long player) {
        return MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.TRANSFER WHERE PLAYER_ID = ?", player);
    }

    /** Waits until the detector has folded every transfer of the player. */
    private static PlayerActivity awaitJudged(long player) {
        long transfers = transfersOf(player);
        TestGrid.await(() -> activity(player) != null && activity(player).transfers() == transfers, AWAIT_MS,
                "player " + player + " judged (" + transfers + " transfers)");
        return activity(player);
    }

    private static FraudAlert alert(long player, AlertRule rule) {
        List<List<?>> rows = MoneyTables.sql(node, "SELECT ALERT_ID FROM CROUPIER.FRAUD_ALERT WHERE PLAYER_ID = ? "
                + "AND RULE = ?", player, rule.name());
        if (rows.isEmpty()) {
            return null;
        }
        IgniteCache<FraudAlertKey, FraudAlert> alerts = node.cache(CacheSchema.FRAUD_ALERT);
        return alerts.get(new FraudAlertKey(player, (String) rows.get(0).get(0)));
    }

    private static PlayerStatus status(long player) {
        IgniteCache<Long, Player> c = node.cache(CacheSchema.PLAYER);
        return c.get(player).status();
    }

    @Test
    void eachPlayerIsJudgedOnTheirPrimaryNodeFromLocalData() {
        long[] ids = new long[30];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = fundedPlayer("local-" + i, 10_000);
            assertThat(wallet.execute(MoneyRequest.betAndWin(ids[i], "r1", "EUR", 100, 50, "round-1")).isOk())
                    .isTrue();
        }
        Set<String> judgedOn = new java.util.HashSet<>();
        for (long player : ids) {
            PlayerActivity a = awaitJudged(player);
            ClusterNode primary = node.affinity(CacheSchema.PLAYER).mapKeyToNode(player);
            assertThat(a.evaluatedOn()).as("player %d", player).isEqualTo(String.valueOf(primary.consistentId()));
            judgedOn.add(a.evaluatedOn());
        }
        assertThat(judgedOn).as("players spread over the nodes").hasSize(3);
        for (Ignite n : grid.nodes()) {
            Detector.Stats stats = Detector.of(n).stats();
            assertThat(stats.evaluated()).as(n.name()).isPositive();
            assertThat(stats.notPrimary()).as("events of players this node is not primary for").isZero();
            assertThat(stats.missingRows()).as("transfers not in the local primary copy").isZero();
            assertThat(stats.dropped()).isZero();
            boolean exported = false;
            for (org.apache.ignite.spi.metric.ReadOnlyMetricRegistry r : n.metrics()) {
                if (r.name().equals(Detector.METRICS_REGISTRY)) {
                    exported = r.findMetric("dropped") != null && r.findMetric("queued") != null;
                }
            }
            assertThat(exported).as("detector metrics registered on %s", n.name()).isTrue();
        }
    }

    @Test
    void structuringDepositsHoldTheAccountAndTheNextWithdrawalIsRefusedAndMovesNothing() {
        long player = fundedPlayer("structurer", 1_000);
        for (int i = 0; i < 3; i++) {
            deposit(player, "under-" + i, NEAR_THRESHOLD_MINOR);
        }
        TestGrid.await(() -> alert(player, AlertRule.AML_STRUCTURING) != null, AWAIT_MS, "structuring alert");
        FraudAlert alert = alert(player, AlertRule.AML_STRUCTURING);
        assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(alert.score()).isEqualTo(3);
        long thirdDepositAt = MoneyTables.sqlLong(node, "SELECT DATEDIFF('MILLISECOND', "
                + "TIMESTAMP '1970-01-01 00:00:00', CREATED_AT) FROM CROUPIER.TRANSFER WHERE PLAYER_ID = ? AND IDEMPOTENCY_KEY = 'under-2'", player);
        assertThat(alert.eventAt().getTime()).as("the triggering deposit's time").isEqualTo(thirdDepositAt);
        assertThat(status(player)).isEqualTo(PlayerStatus.HELD);

        long balance = wallet.wallet(player).orElseThrow().balance();
        long ledgerRows = MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.LEDGER WHERE PLAYER_ID = ?", player);
        assertThat(wallet.execute(MoneyRequest.withdraw(player, "out", "EUR", 100_000)).code())
                .isEqualTo(ResultCode.RISK_HELD);
        assertThat(wallet.wallet(player).orElseThrow().balance()).isEqualTo(balance);
        assertThat(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.LEDGER WHERE PLAYER_ID = ?", player))
                .isEqualTo(ledgerRows);
        assertThat(MoneyTables.sqlLong(node, "SELECT COALESCE(SUM(AMOUNT), 0) FROM CROUPIER.LEDGER WHERE PLAYER_ID = ?",
                player)).as("ledger sums to zero").isZero();
        // Play and deposits go on while held.
        assertThat(wallet.execute(MoneyRequest.betAndWin(player, "still-plays", "EUR", 100, 0, "r")).isOk()).isTrue();

        assertThat(new FraudAlerts(node, Clock.systemUTC()).review(player, alert.rule().name() + ":"
                + alert.subject(), AlertStatus.DISMISSED, "ops", "known business customer")).isTrue();
        assertThat(status(player)).isEqualTo(PlayerStatus.ACTIVE);
        assertThat(wallet.execute(MoneyRequest.withdraw(player, "out-2", "EUR", 100_000)).isOk()).isTrue();
    }

    @Test
    void aThresholdChangedAtRunTimeTakesEffectWithoutARestart() {
        long before = fundedPlayer("two-deposits-before", 1_000);
        deposit(before, "under-0", NEAR_THRESHOLD_MINOR);
        deposit(before, "under-1", NEAR_THRESHOLD_MINOR);
        awaitJudged(before);
        assertThat(alert(before, AlertRule.AML_STRUCTURING)).as("two deposits under the default of three").isNull();

        settings.set(DetectSettings.STRUCTURING_DEPOSITS_MIN, BigDecimal.valueOf(2), "ops");
        try {
            long after = fundedPlayer("two-deposits-after", 1_000);
            deposit(after, "under-0", NEAR_THRESHOLD_MINOR);
            deposit(after, "under-1", NEAR_THRESHOLD_MINOR);
            TestGrid.await(() -> alert(after, AlertRule.AML_STRUCTURING) != null, AWAIT_MS,
                    "structuring alert at two deposits");
            assertThat(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.RISK_SETTING WHERE NAME = ? "
                    + "AND UPDATED_BY = 'ops'", DetectSettings.STRUCTURING_DEPOSITS_MIN)).isEqualTo(1);
        } finally {
            settings.set(DetectSettings.STRUCTURING_DEPOSITS_MIN, BigDecimal.valueOf(3), "ops");
        }
    }

    @Test
    void aPlayerWinningFarAboveTheoryIsBlocked() {
        long player = fundedPlayer("too-lucky", 100_000);
        // Default third-party profile: RTP 0.96, variance 25 per unit (SD 500 per round of 100); winning 5× the stake
        // every round: z = 100 · (500 − 96) / (√100 · 500) ≈ 8.1.
        for (int i = 0; i < 100; i++) {
            assertThat(wallet.execute(MoneyRequest.betAndWin(player, "lucky-" + i, "EUR", 100, 500, "r" + i)).isOk())
                    .isTrue();
        }
        TestGrid.await(() -> status(player) == PlayerStatus.BLOCKED, AWAIT_MS, "win-rate block");
        assertThat(alert(player, AlertRule.WIN_RATE_ANOMALY).severity())
                .isEqualTo(io.croupier.fraud.detect.Severity.HIGH);
        assertThat(wallet.execute(MoneyRequest.betAndWin(player, "blocked", "EUR", 100, 0, "r")).code())
                .isEqualTo(ResultCode.RISK_BLOCKED);
    }

    @Test
    void theSweepJudgesOperationsThatNeverReachedTheDetector() throws Exception {
        long player = fundedPlayer("missed", 1_000);
        awaitJudged(player);
        Ignite primary = grid.nodes().stream()
                .filter(n -> n.cluster().localNode().id().equals(
                        node.affinity(CacheSchema.PLAYER).mapKeyToNode(player).id()))
                .findFirst().orElseThrow();
        // Applied on the primary outside the commit lane (as a roulette stake is): no event for the detector.
        List<MoneyRequest> deposits = List.of(
                MoneyRequest.deposit(player, "quiet-0", "EUR", NEAR_THRESHOLD_MINOR, "tok"),
                MoneyRequest.deposit(player, "quiet-1", "EUR", NEAR_THRESHOLD_MINOR, "tok"),
                MoneyRequest.deposit(player, "quiet-2", "EUR", NEAR_THRESHOLD_MINOR, "tok"));
        assertThat(GroupCommitter.of(primary).transactions().applyInOneTransaction(deposits))
                .allMatch(r -> r.isOk());
        assertThat(activity(player).transfers()).isEqualTo(1);

        assertThat(Detector.of(primary).sweep()).isPositive();
        TestGrid.await(() -> activity(player).transfers() == 4, AWAIT_MS, "re-folded by the sweep");
        TestGrid.await(() -> alert(player, AlertRule.AML_STRUCTURING) != null, AWAIT_MS, "structuring alert");
        assertThat(status(player)).isEqualTo(PlayerStatus.HELD);
        Map<String, Long> rules = MoneyTables.sql(node, "SELECT RULE FROM CROUPIER.FRAUD_ALERT WHERE PLAYER_ID = ?",
                player).stream().collect(Collectors.groupingBy(r -> (String) r.get(0), Collectors.counting()));
        assertThat(rules).containsKeys(AlertRule.AML_STRUCTURING.name(), AlertRule.AML_LARGE_AGGREGATE.name());
    }

    @Test
    void aFindingRaisedOnAnotherNodeIsWrittenInThePlayersPartition() {
        long player = fundedPlayer("raised-remotely", 1_000);
        ClusterNode primary = node.affinity(CacheSchema.PLAYER).mapKeyToNode(player);
        Ignite other = grid.nodes().stream().filter(n -> !n.cluster().localNode().id().equals(primary.id()))
                .findFirst().orElseThrow();
        FraudAlerts.Raised raised = new FraudAlerts(other, Clock.systemUTC()).raise(
                new io.croupier.fraud.detect.Finding(player, AlertRule.MULTI_ACCOUNT, "device:test",
                        io.croupier.fraud.detect.Severity.MEDIUM, 2, "two accounts", System.currentTimeMillis()));
        assertThat(raised.created()).isTrue();
        assertThat(raised.statusAfter()).isEqualTo(PlayerStatus.HELD);
        assertThat(alert(player, AlertRule.MULTI_ACCOUNT)).isNotNull();
    }

    @Test
    void rouletteRoundsJoinTheWinRateWithTheExactTheoryOfAllTheirBets() {
        io.croupier.roulette.RouletteTables tables = new io.croupier.roulette.RouletteTables(node);
        tables.deploy(List.of(new io.croupier.roulette.TableConfig("d-fast", "Detection table", "EUR", 1_500,
                        new io.croupier.roulette.TableLimits(10, 10_000, 100_000, 500_000, 50), true)),
                new io.croupier.roulette.TableDriverSettings(100, 60_000, 100, 50));
        long player = fundedPlayer("roulette", 100_000);
        long roundNo = -1;
        for (int attempt = 1; roundNo < 0; attempt++) {
            io.croupier.roulette.TableRound round = RouletteTableTest.awaitOpenRound(tables, "d-fast", 700);
            ResultCode first = tables.placeBets(player, "d-fast", round.roundNo(), List.of(
                    new io.croupier.roulette.BetSpec("RED", null, 1_000),
                    new io.croupier.roulette.BetSpec("STRAIGHT", new int[] {17}, 500)), "rb-a" + attempt).code();
            ResultCode second = first != ResultCode.OK ? first : tables.placeBets(player, "d-fast", round.roundNo(),
                    List.of(new io.croupier.roulette.BetSpec("RED", null, 1_000)), "rb-b" + attempt).code();
            if (second == ResultCode.OK) {
                roundNo = round.roundNo();
            } else {
                assertThat(second).isEqualTo(ResultCode.ROUND_CLOSED);
                assertThat(attempt).isLessThan(5);
            }
        }
        long settled = roundNo;
        TestGrid.await(() -> tables.round("d-fast", settled).status() == io.croupier.roulette.RoundStatus.SETTLED,
                30_000, "round settled");
        PlayerActivity a = awaitJudged(player);
        long returned = MoneyTables.sqlLong(node, "SELECT COALESCE(SUM(RETURNED), 0) FROM CROUPIER.TABLE_BET "
                + "WHERE PLAYER_ID = ? AND TABLE_ID = 'd-fast' AND ROUND_NO = ?", player, settled);
        // RED 2,000 in all returns 4,000 on the 18 red numbers, STRAIGHT 17 (black) returns 18,000 on one.
        double mean = (18 * 4_000 + 18_000) / 37.0;
        double variance = (18 * 4_000.0 * 4_000 + 18_000.0 * 18_000) / 37.0 - mean * mean;
        assertThat(a.rounds()).as("one round, however many requests").isEqualTo(1);
        assertThat(a.roundStakeMinor()).isEqualTo(2_500);
        assertThat(a.expectedWinMinor()).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(a.roundWinMinor()).as("the round's payout").isEqualTo(returned);
        assertThat(a.winRateZ()).isCloseTo((returned - mean) / Math.sqrt(variance),
                org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void theAnomalyModelIsTrainedFromEveryNodesPlayersAndFlagsAnOutlierWithItsTopFeatures() {
        for (int i = 0; i < 12; i++) {
            long p = fundedPlayer("ordinary-" + i, 20_000);
            for (int r = 0; r < 5; r++) {
                assertThat(wallet.execute(MoneyRequest.betAndWin(p, "o-" + r, "EUR", 500, r % 2 == 0 ? 0 : 900,
                        "r" + r)).isOk()).isTrue();
            }
            awaitJudged(p);
        }
        AnomalyModel model = AnomalyTraining.retrain(node, Clock.systemUTC());
        List<PlayerActivity> all = node.<Long, PlayerActivity>cache(CacheSchema.PLAYER_ACTIVITY)
                .query(new org.apache.ignite.cache.query.ScanQuery<Long, PlayerActivity>()).getAll().stream()
                .map(javax.cache.Cache.Entry::getValue).toList();
        assertThat(model.players()).as("every player of every node").isEqualTo(all.size());
        assertThat(model.mean(0)).as("mean win-rate z").isCloseTo(
                all.stream().mapToDouble(PlayerActivity::winRateZ).average().orElseThrow(),
                org.assertj.core.api.Assertions.within(1e-9));

        settings.set(DetectSettings.ANOMALY_PLAYERS_MIN, BigDecimal.valueOf(5), "ops");
        settings.set(DetectSettings.ANOMALY_SCORE_MIN, BigDecimal.valueOf(4), "ops");
        try {
            long outlier = fundedPlayer("outlier", 1_000);
            for (int i = 0; i < 5; i++) {
                deposit(outlier, "near-" + i, NEAR_THRESHOLD_MINOR);
            }
            TestGrid.await(() -> alert(outlier, AlertRule.ANOMALY_SCORE) != null, AWAIT_MS, "anomaly alert");
            FraudAlert alert = alert(outlier, AlertRule.ANOMALY_SCORE);
            assertThat(alert.severity()).isEqualTo(io.croupier.fraud.detect.Severity.LOW);
            assertThat(alert.evidence()).contains("nearThresholdDeposits");
        } finally {
            settings.set(DetectSettings.ANOMALY_PLAYERS_MIN, BigDecimal.valueOf(50), "ops");
            settings.set(DetectSettings.ANOMALY_SCORE_MIN, BigDecimal.valueOf(8), "ops");
        }
    }
}
