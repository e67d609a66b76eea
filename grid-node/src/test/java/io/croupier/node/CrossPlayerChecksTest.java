package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.fraud.detect.AlertRule;
import io.croupier.fraud.detect.CollusionSettings;
import io.croupier.fraud.detect.CrossPlayerChecks;
import io.croupier.fraud.detect.DeviceLinkKey;
import io.croupier.fraud.detect.DeviceLinks;
import io.croupier.fraud.detect.DeviceLinks.LinkCheck;
import io.croupier.fraud.detect.Finding;
import io.croupier.fraud.detect.FraudAlert;
import io.croupier.fraud.detect.FraudAlerts;
import io.croupier.fraud.detect.FraudAlertKey;
import io.croupier.fraud.detect.LinkKind;
import io.croupier.fraud.detect.RiskSettingStore;
import io.croupier.fraud.detect.Severity;
import io.croupier.fraud.detect.TablePair;
import io.croupier.fraud.detect.TablePairKey;
import io.croupier.player.PlayerStatus;
import io.croupier.player.Players;
import io.croupier.roulette.BetSpec;
import io.croupier.roulette.RouletteTables;
import io.croupier.roulette.RouletteWheel;
import io.croupier.roulette.TableConfig;
import io.croupier.roulette.TableDriverSettings;
import io.croupier.roulette.TableLimits;
import io.croupier.roulette.TableRound;
import io.croupier.schema.CacheSchema;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.PipelineSettings;
import io.croupier.wallet.ResultCode;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cluster.ClusterNode;
import org.junit.jupiter.api.Test;

/**
 * The checks across players on real nodes: each runs where its data lives (the link's primary, the table's primary)
 * and ends in FRAUD_ALERT rows and account actions.
 */
class CrossPlayerChecksTest {
    private static final TableLimits LIMITS = new TableLimits(10, 10_000, 100_000, 500_000, 50);

    @Test
    void accountsSharingADeviceAreCountedOnTheLinksOwnNodeAndEachIsAlerted() throws Exception {
        try (TestGrid grid = TestGrid.inMemory()) {
            grid.startServer();
            grid.startServer();
            grid.startServer();
            Ignite client = grid.startClient();
            Players players = new Players(client, Clock.systemUTC());
            long[] ids = {players.open("dev-a", "EUR"), players.open("dev-b", "EUR"), players.open("dev-c", "EUR")};
            String device = DeviceLinks.deviceHash("fp:ua=Firefox/131;screen=1920x1080;tz=Europe/Malta");
            String link = DeviceLinks.link(LinkKind.DEVICE, device);
            ClusterNode owner = client.affinity(CacheSchema.DEVICE_LINK).mapKeyToNode(link);
            long now = System.currentTimeMillis();

            LinkCheck[] checks = new LinkCheck[ids.length];
            for (int i = 0; i < ids.length; i++) {
                checks[i] = DeviceLinks.recordAsync(client, LinkKind.DEVICE, device, ids[i], now + i).get();
                // Every account's row of this link is in the link's partition, on the node that counted them.
                assertThat(client.affinity(CacheSchema.DEVICE_LINK).mapKeyToNode(new DeviceLinkKey(link, ids[i])))
                        .isEqualTo(owner);
            }
            assertThat(checks).extracting(LinkCheck::nodeId).containsOnly(owner.id());
            assertThat(checks).extracting(LinkCheck::accounts).containsExactly(1, 2, 3);
            assertThat(checks).extracting(LinkCheck::findings).containsExactly(0, 0, 3);
            for (Ignite server : grid.nodes().subList(0, 3)) {
                long recorded = CrossPlayerChecks.of(server).linksRecorded();
                assertThat(recorded).as("links recorded on %s", server.name())
                        .isEqualTo(server.cluster().localNode().id().equals(owner.id()) ? 3 : 0);
            }

            IgniteCache<FraudAlertKey, FraudAlert> alerts = client.cache(CacheSchema.FRAUD_ALERT);
            String alertId = AlertRule.MULTI_ACCOUNT.name() + ":device:" + device.substring(0, 16);
            for (long id : ids) {
                TestGrid.await(() -> alerts.get(new FraudAlertKey(id, alertId)) != null, 10_000,
                        "MULTI_ACCOUNT alert of player " + id);
                FraudAlert alert = alerts.get(new FraudAlertKey(id, alertId));
                assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(alert.evidence()).contains(ids[0] + ", " + ids[1] + ", " + ids[2]);
                assertThat(players.find(id).orElseThrow().status()).isEqualTo(PlayerStatus.HELD);
            }
            // The raw fingerprint is nowhere in the table: only its hash.
            assertThat(MoneyTables.sqlLong(client, "SELECT COUNT(*) FROM CROUPIER.DEVICE_LINK WHERE KIND = 'DEVICE' "
                    + "AND VALUE = ? AND SESSIONS = 1", device)).isEqualTo(3);

            // Two accounts on one address are ordinary (a household): recorded, no alert.
            for (int i = 0; i < 2; i++) {
                LinkCheck ip = DeviceLinks.recordAsync(client, LinkKind.IP, "203.0.113.9", ids[i], now).get();
                assertThat(ip.nodeId()).isEqualTo(client.affinity(CacheSchema.DEVICE_LINK)
                        .mapKeyToNode(DeviceLinks.link(LinkKind.IP, "203.0.113.9")).id());
                assertThat(ip.findings()).isZero();
            }
            // A finding about a player whose partition is on another node is raised there (an affinity call).
            Ignite elsewhere = grid.nodes().subList(0, 3).stream()
                    .filter(n -> !n.affinity(CacheSchema.PLAYER).isPrimary(n.cluster().localNode(), ids[2]))
                    .findFirst().orElseThrow();
            FraudAlerts.Raised raised = new FraudAlerts(elsewhere, Clock.systemUTC()).raise(new Finding(ids[2],
                    AlertRule.MULTI_ACCOUNT, "ip:192.0.2.1", Severity.LOW, 6, "remote raise", now));
            assertThat(raised.created()).isTrue();
            assertThat(alerts.get(raised.key()).evidence()).isEqualTo("remote raise");

            // A known account logging in again counts a session, not an account.
            LinkCheck again = DeviceLinks.recordAsync(client, LinkKind.IP, "203.0.113.9", ids[0], now + 5).get();
            assertThat(again.newOnLink()).isFalse();
            assertThat(again.accounts()).isEqualTo(2);
        }
    }

    @Test
    void twoPlayersCoveringRedAndBlackRoundAfterRoundAreFlaggedAndTwoOnTheSameSideAreNot() throws Exception {
        try (TestGrid grid = TestGrid.inMemory()) {
            Ignite node = grid.startServer();
            grid.startServer();
            int opposedRoundsMin = 4;
            new RiskSettingStore(node, Clock.systemUTC()).set(CollusionSettings.COLLUSION_OPPOSED_ROUNDS_MIN,
                    BigDecimal.valueOf(opposedRoundsMin), "test");
            String tableId = "t-pair";
            RouletteTables tables = new RouletteTables(node);
            tables.deploy(List.of(new TableConfig(tableId, "Pairs", "EUR", 600, LIMITS, true)),
                    new TableDriverSettings(100, 60_000, 50, 50));
            try (GridWalletService wallet = new GridWalletService(node, PipelineSettings.defaults())) {
                Players players = new Players(node, Clock.systemUTC());
                long alice = MoneyTables.fundedPlayer(players, wallet, "alice", 1_000_000);
                long bob = MoneyTables.fundedPlayer(players, wallet, "bob", 1_000_000);
                long carol = MoneyTables.fundedPlayer(players, wallet, "carol", 1_000_000);
                long dave = MoneyTables.fundedPlayer(players, wallet, "dave", 1_000_000);
                IgniteCache<FraudAlertKey, FraudAlert> alerts = node.cache(CacheSchema.FRAUD_ALERT);
                TablePairKey colluders = TablePairKey.of(tableId, alice, bob);
                FraudAlertKey aliceAlert = new FraudAlertKey(alice, AlertRule.TABLE_COLLUSION.name() + ":"
                        + "pair:" + colluders.lowerPlayerId() + "-" + colluders.higherPlayerId() + "@" + tableId);

                List<Long> roundsPlayed = new ArrayList<>();
                for (int i = 0; i < opposedRoundsMin + 1; i++) {
                    TableRound round = RouletteTableTest.awaitOpenRound(tables, tableId, 300);
                    long r = round.roundNo();
                    roundsPlayed.add(r);
                    // alice and bob cover both colours; carol and dave both back odd (no colour: not against them).
                    bet(tables, alice, tableId, r, "RED", 1_000);
                    bet(tables, bob, tableId, r, "BLACK", 1_000);
                    bet(tables, carol, tableId, r, "ODD", 500);
                    bet(tables, dave, tableId, r, "ODD", 700);
                    TestGrid.await(() -> tables.currentRound(tableId).roundNo() > r, 30_000, "round " + r + " over");
                }
                TestGrid.await(() -> alerts.get(aliceAlert) != null, 10_000, "TABLE_COLLUSION alert of alice");
                FraudAlertKey bobAlert = new FraudAlertKey(bob, aliceAlert.alertId());
                TestGrid.await(() -> alerts.get(bobAlert) != null, 10_000, "TABLE_COLLUSION alert of bob");
                assertThat(alerts.get(aliceAlert).severity()).isEqualTo(Severity.MEDIUM);
                assertThat(players.find(alice).orElseThrow().status()).isEqualTo(PlayerStatus.HELD);
                assertThat(players.find(bob).orElseThrow().status()).isEqualTo(PlayerStatus.HELD);

                IgniteCache<TablePairKey, TablePair> pairs = node.cache(CacheSchema.TABLE_PAIR);
                TablePairKey ordinary = TablePairKey.of(tableId, carol, dave);
                TestGrid.await(() -> pairs.get(ordinary) != null
                        && pairs.get(ordinary).roundsTogether() >= opposedRoundsMin + 1, 10_000, "carol-dave stats");
                assertThat(pairs.get(ordinary).roundsOpposed()).isZero();
                TestGrid.await(() -> pairs.get(colluders).roundsTogether() == roundsPlayed.size(), 10_000,
                        "alice-bob stats of every round");
                // The value moved between them is what the wheel decided: 1,000 to whoever won, nothing on zero.
                long expectedNetToHigher = 0;
                long expectedGross = 0;
                for (long r : roundsPlayed) {
                    int number = tables.round(tableId, r).result();
                    if (number != 0) {
                        long winner = RouletteWheel.isRed(number) ? alice : bob;
                        expectedNetToHigher += winner == colluders.higherPlayerId() ? 1_000 : -1_000;
                        expectedGross += 1_000;
                    }
                }
                TablePair stats = pairs.get(colluders);
                assertThat(stats.roundsOpposed()).isEqualTo(roundsPlayed.size());
                assertThat(stats.stakeOpposed()).isEqualTo(1_000L * roundsPlayed.size());
                assertThat(stats.netToHigher()).isEqualTo(expectedNetToHigher);
                assertThat(stats.grossMoved()).isEqualTo(expectedGross);
                assertThat(stats.firstRoundNo()).isEqualTo(roundsPlayed.get(0));
                assertThat(stats.lastRoundNo()).isEqualTo(roundsPlayed.get(roundsPlayed.size() - 1));
                assertThat(MoneyTables.sqlLong(node,
                        "SELECT COUNT(*) FROM CROUPIER.FRAUD_ALERT WHERE PLAYER_ID IN (?, ?)", carol, dave)).isZero();
                assertThat(players.find(carol).orElseThrow().status()).isEqualTo(PlayerStatus.ACTIVE);

                // Judged on the table's own node only: the primary of its partition, where its bets and pairs live.
                UUID owner = node.affinity(CacheSchema.TABLE_PAIR).mapKeyToNode(colluders).id();
                assertThat(owner).isEqualTo(node.affinity(CacheSchema.TABLE_BET).mapKeyToNode(tableId).id());
                for (Ignite server : grid.nodes()) {
                    long judged = CrossPlayerChecks.of(server).roundsJudged();
                    if (server.cluster().localNode().id().equals(owner)) {
                        assertThat(judged).as("rounds judged on the table's node").isGreaterThanOrEqualTo(
                                opposedRoundsMin + 1);
                    } else {
                        assertThat(judged).as("rounds judged on %s", server.name()).isZero();
                    }
                }
            }
        }
    }

    @Test
    void valueMovedOneWayBetweenAPairIsChipDumpingOnceTheThresholdsSetAtRunTimeSaySo() throws Exception {
        try (TestGrid grid = TestGrid.inMemory()) {
            Ignite node = grid.startServer();
            grid.startServer();
            String tableId = "t-dump";
            RouletteTables tables = new RouletteTables(node);
            tables.deploy(List.of(new TableConfig(tableId, "Dumping", "EUR", 500, LIMITS, true)),
                    new TableDriverSettings(100, 60_000, 50, 50));
            try (GridWalletService wallet = new GridWalletService(node, PipelineSettings.defaults())) {
                Players players = new Players(node, Clock.systemUTC());
                long erin = MoneyTables.fundedPlayer(players, wallet, "erin", 1_000_000);
                long frank = MoneyTables.fundedPlayer(players, wallet, "frank", 1_000_000);
                TablePairKey pair = TablePairKey.of(tableId, erin, frank);
                IgniteCache<TablePairKey, TablePair> pairs = node.cache(CacheSchema.TABLE_PAIR);
                String alertId = AlertRule.CHIP_DUMPING.name() + ":pair:" + pair.lowerPlayerId() + "-"
                        + pair.higherPlayerId() + "@" + tableId;

                // Under the defaults (20 opposed rounds, 1,000.00 net) one round is nothing.
                long first = playOpposedRound(tables, pairs, pair, erin, frank);
                assertThat(pairs.get(pair).roundsOpposed()).isEqualTo(1);
                assertThat(node.cache(CacheSchema.FRAUD_ALERT).get(new FraudAlertKey(erin, alertId))).isNull();

                // An analyst lowers the thresholds on the live cluster: from the next round any one-way flow counts.
                RiskSettingStore settings = new RiskSettingStore(node, Clock.systemUTC());
                settings.set(CollusionSettings.DUMPING_OPPOSED_ROUNDS_MIN, BigDecimal.ONE, "analyst");
                settings.set(CollusionSettings.DUMPING_NET_MINOR_MIN, BigDecimal.ONE, "analyst");
                settings.set(CollusionSettings.DUMPING_ONE_SIDED_SHARE_MIN, BigDecimal.ZERO, "analyst");
                long last = first;
                for (int i = 0; i < 10 && (last == first || pairs.get(pair).netToHigher() == 0); i++) {
                    last = playOpposedRound(tables, pairs, pair, erin, frank);
                }
                long net = pairs.get(pair).netToHigher();
                assertThat(net).as("some value moved one way in 10 rounds").isNotZero();
                long receiver = net > 0 ? pair.higherPlayerId() : pair.lowerPlayerId();
                long sender = receiver == erin ? frank : erin;

                IgniteCache<FraudAlertKey, FraudAlert> alerts = node.cache(CacheSchema.FRAUD_ALERT);
                TestGrid.await(() -> alerts.get(new FraudAlertKey(receiver, alertId)) != null
                        && alerts.get(new FraudAlertKey(sender, alertId)) != null, 10_000, "CHIP_DUMPING alerts");
                assertThat(alerts.get(new FraudAlertKey(receiver, alertId)).severity()).isEqualTo(Severity.HIGH);
                assertThat(alerts.get(new FraudAlertKey(sender, alertId)).severity()).isEqualTo(Severity.MEDIUM);
                assertThat(alerts.get(new FraudAlertKey(receiver, alertId)).score()).isEqualTo(Math.abs(net));
                assertThat(players.find(receiver).orElseThrow().status()).isEqualTo(PlayerStatus.BLOCKED);
                assertThat(players.find(sender).orElseThrow().status()).isEqualTo(PlayerStatus.HELD);
            }
        }
    }

    /** erin on red, frank on black, 1,000 each, in the next open round; returns once the pair's row counted it. */
    private static long playOpposedRound(RouletteTables tables, IgniteCache<TablePairKey, TablePair> pairs,
                                         TablePairKey pair, long erin, long frank) {
        TableRound round = RouletteTableTest.awaitOpenRound(tables, pair.tableId(), 250);
        long r = round.roundNo();
        bet(tables, erin, pair.tableId(), r, "RED", 1_000);
        bet(tables, frank, pair.tableId(), r, "BLACK", 1_000);
        TestGrid.await(() -> pairs.get(pair) != null && pairs.get(pair).lastRoundNo() == r, 30_000,
                "round " + r + " counted for the pair");
        return r;
    }

    private static void bet(RouletteTables tables, long player, String tableId, long roundNo, String kind, long stake) {
        assertThat(tables.placeBets(player, tableId, roundNo, List.of(new BetSpec(kind, null, stake)),
                "b-" + roundNo + "-" + player).code()).isEqualTo(ResultCode.OK);
    }
}
