package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.game.Fairness;
import io.croupier.player.Players;
import io.croupier.roulette.RouletteTables;
import io.croupier.roulette.TableRound;
import io.croupier.schema.CacheSchema;
import io.croupier.slots.SlotRound;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.PipelineSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code verify round} and {@code verify table-round} against a real grid, through a client node as in production. */
class CliVerifyOnlineTest {
    static final Path SLOTS = Path.of("../config/slots");
    private static final String TABLE = "fast-1";
    private static TestGrid grid;
    private static Ignite node;
    private static GridWalletService wallet;
    private static Path tablesFile;

    @BeforeAll
    static void startGrid() throws Exception {
        tablesFile = Files.createTempFile("croupier-tables-", ".json");
        Files.writeString(tablesFile, """
                {"tables": [{"id": "%s", "name": "Fast table", "currency": "EUR", "bettingWindowMs": 200,
                  "minStake": 10, "maxStraightStake": 1000, "maxOutsideStake": 1000, "maxTotalStake": 5000,
                  "maxBetsPerRequest": 10}]}
                """.formatted(TABLE));
        grid = new TestGrid(Map.of("croupier.games.slotsDirectory", SLOTS.toString(),
                "croupier.games.tablesFile", tablesFile.toString(), "croupier.tables.roundPauseMs", "0"));
        node = grid.startServer();
        wallet = new GridWalletService(node, PipelineSettings.defaults());
    }

    @AfterAll
    static void stopGrid() throws Exception {
        wallet.close();
        grid.close();
        Files.deleteIfExists(tablesFile);
    }

    /** The command line, pointed at the test grid the way an operator points it at theirs: with --set. */
    private static CliRun cli(String... args) {
        NodeSettings s = grid.settings(99, true);
        List<String> all = new ArrayList<>(List.of(args));
        Map.of("croupier.discovery.addresses", String.join(",", s.discoveryAddresses()),
                "croupier.discovery.port", String.valueOf(s.discoveryPort()),
                "croupier.communication.port", String.valueOf(s.communicationPort()),
                "croupier.client.port", String.valueOf(s.clientPort()),
                "croupier.node.workDirectory", s.workDirectory().toString(),
                "croupier.persistence.enabled", "false",
                "croupier.cache.partitions", String.valueOf(s.partitions()),
                "croupier.games.slotsDirectory", SLOTS.toString(),
                "croupier.failureDetectionTimeoutMs", "3000").forEach((key, value) -> {
                    all.add("--set");
                    all.add(key + "=" + value);
                });
        all.addAll(List.of("--timeout-ms", "20000"));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void aSlotRoundVerifiesOnceItsSeedIsRevealedAndATamperedRecordDoesNot() {
        long player = new Players(node, Clock.systemUTC()).open("online-verifier", "EUR");
        assertThat(wallet.execute(MoneyRequest.deposit(player, "dep", "EUR", 100_000, "tok")).isOk()).isTrue();
        MoneyResult spin = wallet.execute(MoneyRequest.spin(player, "spin-1", "EUR", 200, "dragon-gold"));
        assertThat(spin.isOk()).isTrue();
        SlotRound round = spin.round();
        String[] verify = {"verify", "round", "--player", Long.toString(player), "--round",
                round.roundId().toString()};

        CliRun inPlay = cli(verify);

        assertThat(inPlay.exitCode()).as("%s", inPlay).isEqualTo(Comparison.EXIT_SEED_IN_PLAY);
        assertThat(inPlay.out()).contains("is still in play: rotate the player's seeds first");

        assertThat(new Fairness(node).rotate(player).isOk()).isTrue();
        CliRun revealed = cli(verify);

        assertThat(revealed.exitCode()).as("%s", revealed).isZero();
        assertThat(revealed.out()).contains("game            dragon-gold (Dragon Gold)")
                .contains("stops           " + round.stops())
                .contains("total win       " + round.win())
                .contains("MATCH     window")
                .contains("verdict         MATCH (4 of 4 items)");

        SlotRound tampered = new SlotRound(UUID.randomUUID(), player, round.game(), "forged", round.stake(),
                round.win() + 1_000, round.currency(), round.stops(), round.symbols(), round.balanceBefore(),
                round.balanceAfter(), round.serverSeedHash(), round.clientSeed(), round.nonce(), round.createdAt());
        node.cache(CacheSchema.ROUND).put(tampered.key(), tampered);
        CliRun forged = cli("verify", "round", "--player", Long.toString(player), "--round",
                tampered.roundId().toString());

        assertThat(forged.exitCode()).as("%s", forged).isEqualTo(1);
        assertThat(forged.out()).contains("MISMATCH  win                recomputed " + round.win())
                .contains("verdict         MISMATCH (1 of 4 items differ)");

        CliRun unknown = cli("verify", "round", "--player", Long.toString(player), "--round",
                UUID.randomUUID().toString());
        assertThat(unknown.exitCode()).isEqualTo(Comparison.EXIT_INVALID);
        assertThat(unknown.err()).contains("no slot round");
    }

    @Test
    void tableRoundsVerifyAgainstTheChainCommitmentAndThePreviousSeed() {
        RouletteTables tables = new RouletteTables(node);
        TestGrid.await(() -> {
            TableRound second = tables.round(TABLE, 2);
            return second != null && second.seed() != null;
        }, 30_000, "round 2 of " + TABLE + " has its result");

        CliRun first = cli("verify", "table-round", "--table", TABLE, "--round", "1");
        CliRun second = cli("verify", "table-round", "--table", TABLE, "--round", "2");

        assertThat(first.exitCode()).as("%s", first).isZero();
        assertThat(first.out()).contains("number          " + tables.round(TABLE, 1).result() + " ")
                .contains("against the chain commitment")
                .contains("verdict         MATCH (3 of 3 items)");
        assertThat(second.exitCode()).as("%s", second).isZero();
        assertThat(second.out()).contains("against the seed of round 1")
                .contains("verdict         MATCH (3 of 3 items)");

        CliRun unknown = cli("verify", "table-round", "--table", TABLE, "--round", "1000000");
        assertThat(unknown.exitCode()).isEqualTo(Comparison.EXIT_INVALID);
    }
}
