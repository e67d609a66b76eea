package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.croupier.fraud.detect.AlertRule;
import io.croupier.fraud.detect.AlertStatus;
import io.croupier.fraud.detect.FraudAlert;
import io.croupier.fraud.detect.FraudAlertKey;
import io.croupier.fraud.detect.FraudAlerts;
import io.croupier.player.PlayerSession;
import io.croupier.player.Players;
import io.croupier.rg.Exclusion;
import io.croupier.rg.LimitKind;
import io.croupier.rg.ResponsibleGambling;
import io.croupier.rg.RgEvent;
import io.croupier.rg.RgEventKey;
import io.croupier.rg.RgEventKind;
import io.croupier.roulette.BetSpec;
import io.croupier.roulette.BetStatus;
import io.croupier.roulette.RouletteTables;
import io.croupier.roulette.RoundStatus;
import io.croupier.roulette.TableBet;
import io.croupier.roulette.TableConfig;
import io.croupier.roulette.TableDriverSettings;
import io.croupier.roulette.TableLimits;
import io.croupier.roulette.TableRound;
import io.croupier.schema.CacheSchema;
import io.croupier.slots.SlotCatalog;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.PipelineSettings;
import io.croupier.wallet.ResultCode;
import io.croupier.wallet.Wallet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.ScanQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every report of sql/reports runs through {@code croupier report} over the thin JDBC driver against a grid seeded
 * with real play (deposits, slot spins on the shipped games, roulette rounds), and its numbers are checked against
 * the same figures computed in Java from the cache values themselves (scan queries, no SQL).
 */
class ReportLibraryTest {
    private static final String SQL_DIR = "../sql";
    private static final int PLAYERS = 6;
    private static final int SPINS_PER_GAME = 40;
    private static final long DEPOSIT_MINOR = 1_000_000;
    private static final long LARGE_DEPOSIT_MINOR = 3_000_000;
    private static final int TAX_BPS = 1_500;
    private static final TableLimits LIMITS = new TableLimits(10, 10_000, 100_000, 500_000, 50);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private static TestGrid grid;
    private static Ignite node;
    private static String url;

    @BeforeAll
    static void seed() throws Exception {
        // Seeding spins each player as fast as the grid answers: lift the per-player stake velocity limit.
        Map<String, String> settings = new HashMap<>(TestGrid.NO_STAKE_VELOCITY_LIMIT);
        settings.put("croupier.games.slotsDirectory", SlotSpinTest.SLOTS.toString());
        // The fraud_alerts report needs alerts: the detector judges the seeded play.
        settings.putAll(TestGrid.DETECTION);
        grid = new TestGrid(settings);
        node = grid.startServer();
        grid.startServer();
        url = "jdbc:ignite:thin://127.0.0.1:" + grid.clientPort();
        SlotCatalog slots = SlotCatalog.loadDirectory(SlotSpinTest.SLOTS);
        TestGrid.await(() -> node.cache(CacheSchema.SLOT_GAME).size() == slots.games().size(), 30_000,
                "slot games published");

        RouletteTables tables = new RouletteTables(node);
        tables.deploy(List.of(table("r-fast", 2_000), table("r-held", 300_000)),
                new TableDriverSettings(100, 60_000, 100, 50));
        Random random = new Random(7);
        try (GridWalletService wallet = new GridWalletService(node, PipelineSettings.defaults())) {
            Players players = new Players(node, Clock.systemUTC());
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < PLAYERS; i++) {
                long p = players.open("analyst-" + i, "EUR");
                ids.add(p);
                ok(wallet.execute(MoneyRequest.deposit(p, "dep", "EUR", DEPOSIT_MINOR, "tok")).code());
                for (String game : slots.games().keySet()) {
                    for (int s = 0; s < SPINS_PER_GAME; s++) {
                        long stake = 10L * (1 + random.nextInt(50));
                        ok(wallet.execute(MoneyRequest.spin(p, game + "-" + s, "EUR", stake, game)).code());
                    }
                }
            }
            long whale = players.open("whale", "USD");
            ok(wallet.execute(MoneyRequest.deposit(whale, "big", "USD", LARGE_DEPOSIT_MINOR, "tok")).code());
            ok(wallet.execute(MoneyRequest.withdraw(whale, "out", "USD", LARGE_DEPOSIT_MINOR / 2)).code());

            // Roulette rounds settled with bets of every player; bets in a long round stay PLACED (held). On a
            // loaded machine a round may close between the wait and the bet: the bet then goes to the next round
            // (a rejected key moves nothing and may be used again).
            Set<Long> rounds = new HashSet<>();
            for (long p : ids) {
                List<BetSpec> bets = List.of(new BetSpec("RED", null, 1_000),
                        new BetSpec("STRAIGHT", new int[] {random.nextInt(37)}, 500),
                        new BetSpec("DOZEN", new int[] {1 + random.nextInt(3)}, 300));
                for (int attempt = 1; ; attempt++) {
                    TableRound round = RouletteTableTest.awaitOpenRound(tables, "r-fast", 1_000);
                    ResultCode code = tables.placeBets(p, "r-fast", round.roundNo(), bets, "rf-" + p).code();
                    if (code == ResultCode.OK) {
                        rounds.add(round.roundNo());
                        break;
                    }
                    assertThat(code).as("bet of %d, attempt %d", p, attempt).isEqualTo(ResultCode.ROUND_CLOSED);
                    assertThat(attempt).as("attempts to bet in an open round").isLessThan(5);
                }
            }
            TestGrid.await(() -> rounds.stream().allMatch(r -> tables.round("r-fast", r).status() == RoundStatus.SETTLED),
                    60_000, "roulette rounds settled");
            TableRound held = RouletteTableTest.awaitOpenRound(tables, "r-held", 10_000);
            for (long p : ids.subList(0, 3)) {
                ok(tables.placeBets(p, "r-held", held.roundNo(), List.of(new BetSpec("BLACK", null, 700)), "rh-" + p)
                        .code());
            }
        }
        seedResponsibleGamblingAndSessions();
        // The detector judges after each commit: every first deposit and the whale's deposit and withdrawal are large
        // transactions; the whale's withdrawal with no play in between is low wagering.
        TestGrid.await(() -> fraudAlerts().stream().filter(a -> a.rule() == AlertRule.AML_LARGE_TRANSACTION).count()
                == PLAYERS + 2 && fraudAlerts().stream().anyMatch(a -> a.rule() == AlertRule.AML_LOW_WAGERING),
                30_000, "fraud alerts raised");
        FraudAlerts review = new FraudAlerts(node, Clock.systemUTC());
        List<Cache.Entry<FraudAlertKey, FraudAlert>> large = fraudAlertEntries().stream()
                .filter(e -> e.getValue().rule() == AlertRule.AML_LARGE_TRANSACTION).toList();
        assertThat(review.review(large.get(0).getKey().playerId(), large.get(0).getKey().alertId(),
                AlertStatus.CONFIRMED, "analyst", "reported")).isTrue();
        assertThat(review.review(large.get(1).getKey().playerId(), large.get(1).getKey().alertId(),
                AlertStatus.DISMISSED, "analyst", "known customer")).isTrue();
        // Settlement writes the bet rows while the payouts are in flight: wait until every bet row is final.
        TestGrid.await(() -> tableBets().stream().noneMatch(b -> b.tableId().equals("r-fast")
                && b.status() == BetStatus.PLACED), 30_000, "bet rows settled");
    }

    /**
     * Interventions of several kinds through the players' own requests (limits, a pending raise, breaks), a refused
     * deposit, and one event dated yesterday; sessions live and expired, shared by players on one device and address.
     */
    private static void seedResponsibleGamblingAndSessions() {
        Players players = new Players(node, Clock.systemUTC());
        ResponsibleGambling rg = new ResponsibleGambling(node);
        try (GridWalletService wallet = new GridWalletService(node, PipelineSettings.defaults())) {
            for (int i = 0; i < 3; i++) {
                long p = players.open("careful-" + i, "EUR");
                ok(rg.setLimit(p, LimitKind.DEPOSIT_DAY, 1_000L).code());
                ok(rg.setLimit(p, LimitKind.DEPOSIT_DAY, 2_000L).code());
                if (i == 0) {
                    assertThat(wallet.execute(MoneyRequest.deposit(p, "over", "EUR", 5_000, "tok")).code())
                            .isEqualTo(ResultCode.DEPOSIT_LIMIT_EXCEEDED);
                }
                ok(rg.exclude(p, i == 2 ? Exclusion.SELF_EXCLUSION_1Y : Exclusion.TIME_OUT_24H).code());
            }
            long p = players.open("careful-yesterday", "EUR");
            node.<RgEventKey, RgEvent>cache(CacheSchema.RG_EVENT).put(new RgEventKey(p, "seeded"), new RgEvent(
                    RgEventKind.LIMIT_SET, "LOSS_DAY 100", RgEvent.PLAYER,
                    new Timestamp(System.currentTimeMillis() - 24 * 60 * 60 * 1_000L)));
        }
        IgniteCache<String, PlayerSession> sessions = node.cache(CacheSchema.SESSION);
        long now = System.currentTimeMillis();
        long live = now + 60 * 60 * 1_000L;
        String[][] rows = {
                {"1", "10.0.0.1", "dev-shared"}, {"2", "10.0.0.1", "dev-shared"}, {"3", "10.0.0.1", "dev-shared"},
                {"3", "10.0.0.2", null}, {"4", "10.0.0.3", "dev-4"}, {"4", "10.0.0.3", "dev-4"}};
        for (int i = 0; i < rows.length; i++) {
            sessions.put("s-" + i, new PlayerSession(Long.parseLong(rows[i][0]), new Timestamp(now), new Timestamp(live),
                    rows[i][1], rows[i][2]));
        }
        // Expired but not yet removed: must not count.
        sessions.put("s-old", new PlayerSession(5, new Timestamp(now - 7_200_000), new Timestamp(now - 3_600_000),
                "10.0.0.9", "dev-old"));
    }

    @Test
    void responsibleGamblingInterventionsPerDayAndKindMatchTheEventRows() {
        Map<List<String>, Set<Long>> players = new TreeMap<>(ReportLibraryTest::compareLists);
        Map<List<String>, Long> events = new HashMap<>();
        node.<RgEventKey, RgEvent>cache(CacheSchema.RG_EVENT).query(new ScanQuery<RgEventKey, RgEvent>()).forEach(e -> {
            List<String> key = List.of(DAY.format(e.getValue().createdAt().toInstant()), e.getValue().kind().name());
            players.computeIfAbsent(key, k -> new HashSet<>()).add(e.getKey().playerId());
            events.merge(key, 1L, Long::sum);
        });
        assertThat(players.keySet()).extracting(k -> k.get(1)).contains("LIMIT_SET", "LIMIT_INCREASE_PENDING",
                "LIMIT_REACHED", "TIME_OUT", "SELF_EXCLUDED");
        List<Map<String, String>> rows = csv("responsible_gambling");
        assertThat(rows).hasSize(players.size());
        int i = 0;
        for (Map.Entry<List<String>, Set<Long>> e : players.entrySet()) {
            Map<String, String> row = rows.get(i++);
            assertThat(List.of(row.get("DAY_UTC"), row.get("KIND"))).isEqualTo(e.getKey());
            assertThat(longs(row, "EVENTS", "PLAYERS")).containsExactly(events.get(e.getKey()),
                    (long) e.getValue().size());
        }
        String today = DAY.format(java.time.Instant.now());
        List<Map<String, String>> todayOnly = csv("responsible_gambling", "--param", "from=" + today);
        assertThat(todayOnly).extracting(r -> r.get("DAY_UTC")).containsOnly(today);
    }

    @Test
    void activeSessionsCountLiveSessionsInTotalAndPerAddressAndDevice() {
        long now = System.currentTimeMillis();
        List<PlayerSession> live = new ArrayList<>();
        node.<String, PlayerSession>cache(CacheSchema.SESSION).query(new ScanQuery<String, PlayerSession>())
                .forEach(e -> {
                    if (e.getValue().expiresAt().getTime() > now) {
                        live.add(e.getValue());
                    }
                });
        for (long playersMin : new long[] {1, 2}) {
            List<List<String>> expected = new ArrayList<>();
            for (String scope : List.of("ADDRESS", "DEVICE")) {
                Map<String, List<PlayerSession>> groups = new TreeMap<>();
                for (PlayerSession s : live) {
                    String value = scope.equals("ADDRESS") ? s.remoteAddress() : s.deviceFingerprint();
                    groups.computeIfAbsent(value == null ? "(none)" : value, v -> new ArrayList<>()).add(s);
                }
                List<List<String>> rows = new ArrayList<>();
                groups.forEach((value, sessions) -> {
                    long distinct = sessions.stream().map(PlayerSession::playerId).distinct().count();
                    if (distinct >= playersMin) {
                        rows.add(List.of(scope, value, String.valueOf(distinct), String.valueOf(sessions.size())));
                    }
                });
                rows.sort(java.util.Comparator.<List<String>>comparingLong(r -> -Long.parseLong(r.get(2)))
                        .thenComparingLong(r -> -Long.parseLong(r.get(3))).thenComparing(r -> r.get(1)));
                expected.addAll(rows);
            }
            expected.add(List.of("TOTAL", "ALL",
                    String.valueOf(live.stream().map(PlayerSession::playerId).distinct().count()),
                    String.valueOf(live.size())));
            List<List<String>> actual = csv("active_sessions", "--param", "playersMin=" + playersMin).stream()
                    .map(r -> List.of(r.get("SCOPE"), r.get("VALUE"), r.get("PLAYERS"), r.get("SESSIONS"))).toList();
            assertThat(actual).as("playersMin=%d", playersMin).isEqualTo(expected);
        }
        assertThat(live).hasSize(6);
    }

    @AfterAll
    static void stop() throws Exception {
        grid.close();
    }

    @Test
    void revenuePerGameAndHourMatchesTheRoundsAndSettledBets() {
        checkRevenue("revenue_by_game_hour", HOUR);
    }

    @Test
    void revenuePerGameAndDayMatchesTheRoundsAndSettledBets() {
        checkRevenue("revenue_by_game_day", DAY);
    }

    private static void checkRevenue(String report, DateTimeFormatter bucket) {
        Map<List<String>, long[]> expected = new TreeMap<>(ReportLibraryTest::compareLists);
        for (BinaryObject r : slotRounds()) {
            long[] sums = expected.computeIfAbsent(List.of(bucket.format(ts(r, "createdAt").toInstant()),
                    r.field("game"), r.field("currency")), k -> new long[3]);
            sums[0]++;
            sums[1] += (long) r.field("stake");
            sums[2] += (long) r.field("win");
        }
        for (TableBet b : tableBets()) {
            if (b.status() == BetStatus.SETTLED) {
                long[] sums = expected.computeIfAbsent(List.of(bucket.format(b.settledAt().toInstant()),
                        "roulette:" + b.tableId(), b.currency()), k -> new long[3]);
                sums[0]++;
                sums[1] += b.stake();
                sums[2] += b.returned();
            }
        }
        List<Map<String, String>> rows = csv(report, "--param", "tax_bps=" + TAX_BPS);
        assertThat(rows).hasSize(expected.size());
        int i = 0;
        for (Map.Entry<List<String>, long[]> e : expected.entrySet()) {
            Map<String, String> row = rows.get(i++);
            long ggr = e.getValue()[1] - e.getValue()[2];
            long duty = ggr > 0 ? ggr * TAX_BPS / 10_000 : 0;
            assertThat(List.of(row.get(report.endsWith("hour") ? "HOUR_UTC" : "DAY_UTC"), row.get("GAME"),
                    row.get("CURRENCY"))).isEqualTo(e.getKey());
            assertThat(longs(row, "PLAYS", "STAKES", "WINS", "GGR", "NGR")).as("%s", e.getKey())
                    .containsExactly(e.getValue()[0], e.getValue()[1], e.getValue()[2], ggr, ggr - duty);
        }
        assertThat(rows).extracting(r -> r.get("GAME")).contains("classic-fruits", "dragon-gold", "roulette:r-fast");
    }

    @Test
    void actualRtpPerGameComesWithItsIntervalAndThePublishedFigure() {
        SlotCatalog slots = SlotCatalog.loadDirectory(SlotSpinTest.SLOTS);
        Map<String, List<long[]>> plays = new TreeMap<>();
        slotRounds().forEach(r -> plays.computeIfAbsent(r.field("game"), g -> new ArrayList<>())
                .add(new long[] {r.field("stake"), r.field("win")}));
        tableBets().stream().filter(b -> b.status() == BetStatus.SETTLED).forEach(b -> plays
                .computeIfAbsent("roulette:" + b.tableId(), g -> new ArrayList<>()).add(new long[] {b.stake(), b.returned()}));

        Map<String, Map<String, String>> rows = csv("rtp_by_game").stream()
                .collect(Collectors.toMap(r -> r.get("GAME"), Function.identity()));
        assertThat(rows.keySet()).isEqualTo(plays.keySet());
        plays.forEach((game, list) -> {
            Map<String, String> row = rows.get(game);
            long n = list.size();
            double stakes = list.stream().mapToLong(p -> p[0]).sum();
            double wins = list.stream().mapToLong(p -> p[1]).sum();
            double rtp = wins / stakes;
            double residuals = list.stream().mapToDouble(p -> Math.pow(p[1] - rtp * p[0], 2)).sum();
            double standardError = Math.sqrt(n / (n - 1.0) * residuals) / stakes;
            double theoretical = game.startsWith("roulette:") ? 36.0 / 37
                    : slots.game(game).publishedRtp().orElseThrow().doubleValue();
            assertThat(Long.parseLong(row.get("PLAYS"))).isEqualTo(n);
            assertThat(Long.parseLong(row.get("STAKES"))).isEqualTo((long) stakes);
            assertThat(Long.parseLong(row.get("WINS"))).isEqualTo((long) wins);
            assertThat(Double.parseDouble(row.get("ACTUAL_RTP"))).as(game).isCloseTo(rtp, within(1e-6));
            assertThat(Double.parseDouble(row.get("THEORETICAL_RTP"))).as(game).isCloseTo(theoretical, within(1e-6));
            assertThat(Double.parseDouble(row.get("CI_LOW"))).as(game)
                    .isCloseTo(rtp - 1.96 * standardError, within(2e-6));
            assertThat(Double.parseDouble(row.get("CI_HIGH"))).as(game)
                    .isCloseTo(rtp + 1.96 * standardError, within(2e-6));
        });
    }

    @Test
    void operatorLiabilityIsEveryBalancePlusTheStakesOfUnsettledBets() {
        Map<String, long[]> expected = new TreeMap<>();
        for (Cache.Entry<Long, Wallet> e : node.<Long, Wallet>cache(CacheSchema.WALLET).query(new ScanQuery<Long, Wallet>())) {
            long[] sums = expected.computeIfAbsent(e.getValue().currency(), c -> new long[3]);
            sums[0]++;
            sums[1] += e.getValue().balance();
        }
        for (TableBet b : tableBets()) {
            if (b.status() == BetStatus.PLACED) {
                expected.computeIfAbsent(b.currency(), c -> new long[3])[2] += b.stake();
            }
        }
        assertThat(expected.get("EUR")[2]).as("held stakes seeded").isEqualTo(3 * 700);

        List<Map<String, String>> rows = csv("operator_liability");
        assertThat(rows).extracting(r -> r.get("CURRENCY")).containsExactlyElementsOf(expected.keySet());
        for (Map<String, String> row : rows) {
            long[] e = expected.get(row.get("CURRENCY"));
            assertThat(longs(row, "WALLETS", "BALANCES", "HELD", "LIABILITY"))
                    .containsExactly(e[0], e[1], e[2], e[1] + e[2]);
        }
    }

    @Test
    void activePlayersPerDayCountEachPlayerOnce() {
        Map<List<String>, Set<Long>> players = new TreeMap<>(ReportLibraryTest::compareLists);
        Map<List<String>, long[]> sums = new HashMap<>();
        for (BinaryObject r : slotRounds()) {
            List<String> key = List.of(DAY.format(ts(r, "createdAt").toInstant()), r.field("currency"));
            players.computeIfAbsent(key, k -> new HashSet<>()).add(r.field("playerId"));
            long[] s = sums.computeIfAbsent(key, k -> new long[2]);
            s[0]++;
            s[1] += (long) r.field("stake");
        }
        for (TableBet b : tableBets()) {
            if (b.settledAt() != null) {
                List<String> key = List.of(DAY.format(b.settledAt().toInstant()), b.currency());
                players.computeIfAbsent(key, k -> new HashSet<>()).add(b.playerId());
                long[] s = sums.computeIfAbsent(key, k -> new long[2]);
                s[0]++;
                s[1] += b.stake();
            }
        }
        List<Map<String, String>> rows = csv("active_players");
        assertThat(rows).hasSize(players.size());
        int i = 0;
        for (Map.Entry<List<String>, Set<Long>> e : players.entrySet()) {
            Map<String, String> row = rows.get(i++);
            assertThat(List.of(row.get("DAY_UTC"), row.get("CURRENCY"))).isEqualTo(e.getKey());
            assertThat(longs(row, "ACTIVE_PLAYERS", "PLAYS", "STAKES")).containsExactly((long) e.getValue().size(),
                    sums.get(e.getKey())[0], sums.get(e.getKey())[1]);
        }
        assertThat(rows.stream().mapToLong(r -> Long.parseLong(r.get("ACTIVE_PLAYERS"))).max().orElseThrow())
                .isEqualTo(PLAYERS);
    }

    @Test
    void largeWinsAreTheSpinsAndRoundsAtOrAboveTheThreshold() {
        // Every win a play made: spins one by one, roulette per player and round.
        Map<String, long[]> wins = new HashMap<>();
        for (BinaryObject r : slotRounds()) {
            wins.put(r.field("playerId") + "|" + r.field("game") + "|" + r.<Object>field("roundId"),
                    new long[] {r.field("stake"), r.field("win")});
        }
        for (TableBet b : tableBets()) {
            if (b.status() == BetStatus.SETTLED) {
                long[] s = wins.computeIfAbsent(b.playerId() + "|roulette:" + b.tableId() + "|" + b.tableId() + "#"
                        + b.roundNo(), k -> new long[2]);
                s[0] += b.stake();
                s[1] += b.returned();
            }
        }
        long[] sortedWins = wins.values().stream().mapToLong(w -> w[1]).filter(w -> w > 0).sorted().toArray();
        long threshold = sortedWins[Math.max(0, sortedWins.length - 5)];
        Set<String> expected = wins.entrySet().stream().filter(e -> e.getValue()[1] >= threshold)
                .map(e -> e.getKey() + "|" + e.getValue()[0] + "|" + e.getValue()[1]).collect(Collectors.toSet());

        List<Map<String, String>> rows = csv("large_wins", "--param", "threshold=" + threshold);
        assertThat(rows).extracting(r -> r.get("PLAYER_ID") + "|" + r.get("GAME") + "|" + r.get("REFERENCE") + "|"
                + r.get("STAKE") + "|" + r.get("WIN")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows).extracting(r -> Long.parseLong(r.get("WIN")))
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void largeTransactionsAreTheMoneyMovementsAtOrAboveTheThreshold() {
        long threshold = DEPOSIT_MINOR;
        Set<String> expected = new HashSet<>();
        for (Cache.Entry<BinaryObject, BinaryObject> e : node.cache(CacheSchema.TRANSFER).<BinaryObject, BinaryObject>withKeepBinary()
                .query(new ScanQuery<BinaryObject, BinaryObject>())) {
            long amount = e.getValue().field("amount");
            long win = e.getValue().field("winAmount");
            if (amount >= threshold || win >= threshold) {
                expected.add(e.getKey().field("playerId") + "|" + e.getValue().field("kind") + "|" + amount + "|"
                        + e.getKey().field("idempotencyKey"));
            }
        }
        assertThat(expected).hasSize(PLAYERS + 2); // every first deposit, the whale's deposit and withdrawal

        List<Map<String, String>> rows = csv("large_transactions", "--param", "threshold=" + threshold);
        assertThat(rows).extracting(r -> r.get("PLAYER_ID") + "|" + r.get("KIND") + "|" + r.get("AMOUNT") + "|"
                + r.get("IDEMPOTENCY_KEY")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows.get(0).get("AMOUNT")).isEqualTo(String.valueOf(LARGE_DEPOSIT_MINOR));
    }

    @Test
    void fraudAlertsAreCountedByRuleAndStatus() {
        Map<String, long[]> expected = new TreeMap<>();
        Map<String, Set<Long>> players = new HashMap<>();
        for (Cache.Entry<FraudAlertKey, FraudAlert> e : fraudAlertEntries()) {
            FraudAlert a = e.getValue();
            String group = a.rule() + "|" + a.status();
            long[] n = expected.computeIfAbsent(group, k -> new long[5]);
            n[0]++;
            n[1 + a.severity().ordinal()]++;
            n[4] += a.hits();
            players.computeIfAbsent(group, k -> new HashSet<>()).add(e.getKey().playerId());
        }
        assertThat(expected).containsKeys("AML_LARGE_TRANSACTION|CONFIRMED", "AML_LARGE_TRANSACTION|DISMISSED",
                "AML_LARGE_TRANSACTION|OPEN", "AML_LOW_WAGERING|OPEN");

        List<Map<String, String>> rows = csv("fraud_alerts");
        assertThat(rows).extracting(r -> r.get("RULE") + "|" + r.get("STATUS"))
                .containsExactlyElementsOf(expected.keySet());
        for (Map<String, String> r : rows) {
            String group = r.get("RULE") + "|" + r.get("STATUS");
            long[] n = expected.get(group);
            assertThat(longs(r, "ALERTS", "LOW", "MEDIUM", "HIGH", "HITS")).as(group)
                    .containsExactly(n[0], n[1], n[2], n[3], n[4]);
            assertThat(Long.parseLong(r.get("PLAYERS"))).as(group).isEqualTo(players.get(group).size());
        }
        assertThat(report("fraud_alerts", "--param", "from=2100-01-01").out().strip()).isEqualTo("No activity");
    }

    @Test
    void aPeriodWithoutPlaySaysNoActivity() {
        CliRun run = report("revenue_by_game_day", "--param", "from=2100-01-01", "--param", "to=2100-02-01");
        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out().strip()).isEqualTo("No activity");
    }

    @Test
    void everyReportOfTheLibraryRunsWithItsDefaultsAndPrintsAnAlignedTable() throws Exception {
        ReportCommand list = new ReportCommand();
        list.sqlDirectory = java.nio.file.Path.of(SQL_DIR);
        List<SqlReport> reports = list.all();
        assertThat(reports).extracting(SqlReport::name).contains("revenue_by_game_hour", "revenue_by_game_day",
                "rtp_by_game", "operator_liability", "active_players", "large_wins", "large_transactions",
                "fraud_alerts", "audit/ledger_zero_sum", "audit/wallet_vs_ledger", "audit/unbalanced_transfers");
        for (SqlReport r : reports) {
            CliRun run = report(r.name());
            assertThat(run.exitCode()).as("%s: %s", r.name(), run).isZero();
            assertThat(run.err()).isEmpty();
        }
        CliRun zeroSum = report("audit/ledger_zero_sum");
        assertThat(zeroSum.out()).containsPattern("(?m)^TOTAL\\s+0\\s+\\d+$");
        assertThat(report("audit/wallet_vs_ledger").out().strip()).isEqualTo("No activity");
        CliRun listed = CliRun.of("report", "--sql-dir", SQL_DIR);
        assertThat(listed.out()).contains("rtp_by_game: ", "--param threshold=long");
    }

    @Test
    void badNamesAndParametersAreRefusedWithTheReason() {
        CliRun unknown = report("no_such_report");
        assertThat(unknown.exitCode()).isEqualTo(ReportCommand.EXIT_BAD_INPUT);
        assertThat(unknown.err()).contains("no report no_such_report");
        CliRun badParameter = report("large_wins", "--param", "limit=3");
        assertThat(badParameter.exitCode()).isEqualTo(ReportCommand.EXIT_BAD_INPUT);
        assertThat(badParameter.err()).contains("has no parameter limit", "threshold");
        CliRun badValue = report("large_wins", "--param", "from=yesterday");
        assertThat(badValue.exitCode()).isEqualTo(ReportCommand.EXIT_BAD_INPUT);
        assertThat(badValue.err()).contains("from (TIMESTAMP)");
    }

    // --- running reports and reading their CSV ---

    private static CliRun report(String name, String... more) {
        List<String> args = new ArrayList<>(List.of("report", name, "--url", url, "--sql-dir", SQL_DIR));
        args.addAll(Arrays.asList(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<Map<String, String>> csv(String name, String... more) {
        List<String> args = new ArrayList<>(Arrays.asList(more));
        args.add("--csv");
        CliRun run = report(name, args.toArray(String[]::new));
        assertThat(run.exitCode()).as("%s", run).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).as("%s", run).isNotEmpty().doesNotContain(ResultTable.EMPTY);
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(header.size());
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < cells.length; c++) {
                row.put(header.get(c), cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Long> longs(Map<String, String> row, String... columns) {
        return Arrays.stream(columns).map(c -> new BigDecimal(row.get(c)).setScale(0, RoundingMode.UNNECESSARY)
                .longValueExact()).toList();
    }

    // --- the data, read from the caches (no SQL) ---

    private static List<BinaryObject> slotRounds() {
        List<BinaryObject> rounds = new ArrayList<>();
        node.cache(CacheSchema.ROUND).<Object, BinaryObject>withKeepBinary().query(new ScanQuery<Object, BinaryObject>())
                .forEach(e -> rounds.add(e.getValue()));
        return rounds;
    }

    private static List<TableBet> tableBets() {
        List<TableBet> bets = new ArrayList<>();
        node.<Object, TableBet>cache(CacheSchema.TABLE_BET).query(new ScanQuery<Object, TableBet>())
                .forEach(e -> bets.add(e.getValue()));
        return bets;
    }

    private static List<Cache.Entry<FraudAlertKey, FraudAlert>> fraudAlertEntries() {
        return node.<FraudAlertKey, FraudAlert>cache(CacheSchema.FRAUD_ALERT)
                .query(new ScanQuery<FraudAlertKey, FraudAlert>()).getAll();
    }

    private static List<FraudAlert> fraudAlerts() {
        return fraudAlertEntries().stream().map(Cache.Entry::getValue).toList();
    }

    private static Timestamp ts(BinaryObject o, String field) {
        return o.field(field);
    }

    private static int compareLists(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static TableConfig table(String id, long windowMs) {
        return new TableConfig(id, "Report table " + id, "EUR", windowMs, LIMITS, true);
    }

    private static void ok(ResultCode code) {
        assertThat(code).isEqualTo(ResultCode.OK);
    }
}
