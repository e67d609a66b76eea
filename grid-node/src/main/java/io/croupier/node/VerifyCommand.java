package io.croupier.node;

import io.croupier.fair.RevealedSeed;
import io.croupier.fair.SeedKey;
import io.croupier.roulette.TableRound;
import io.croupier.roulette.TableRoundKey;
import io.croupier.roulette.TableState;
import io.croupier.schema.CacheSchema;
import io.croupier.slots.RoundKey;
import io.croupier.slots.SlotRound;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.ignite.Ignition;
import org.apache.ignite.client.ClientCache;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.configuration.ClientConfiguration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Recomputes a round from its revealed seeds and compares it with what the player was shown. {@code slot} and
 * {@code roulette} work offline from values a player copies from their history; {@code round} and
 * {@code table-round} read the round from the grid. Exit codes: 0 every item matches, 1 a mismatch, 2 the seed is
 * still in play, 3 the round cannot be checked (bad input, unknown game, round or table).
 */
@Command(name = "verify", mixinStandardHelpOptions = true, subcommands = {VerifyCommand.Slot.class,
        VerifyCommand.Roulette.class, VerifyCommand.Round.class, VerifyCommand.TableRoundCheck.class},
        description = "Recompute a round from its revealed seeds and compare it with what was shown: MATCH or "
                + "MISMATCH per item. Exit code 0 match, 1 mismatch, 2 seed still in play, 3 cannot check.")
final class VerifyCommand {
    /** How far back {@code table-round} looks for a revealed seed to link to (rounds refunded in between). */
    static final int LINK_LOOKBACK_ROUNDS_MAX = 100;

    /** The grid to read from (as for every grid command) and how long to wait for it. */
    static final class GridOptions {
        @CommandLine.Mixin
        CroupierCli.ConfigOptions config = new CroupierCli.ConfigOptions();

        @Option(names = "--timeout-ms", defaultValue = "30000", description = "How long to wait for an active cluster.")
        long timeoutMs;

        NodeSettings settings() throws Exception {
            return config.clientSettings("verify");
        }

        /**
         * A thin client on the grid's client port: reading a few rows needs no place in the cluster topology, and a
         * command that joins and leaves within a second would make every server rework its service assignments.
         */
        IgniteClient start(NodeSettings settings) {
            int port = settings.clientPort();
            String address = settings.localAddress() + ":" + port + ".." + (port + settings.clientPortRange());
            return Ignition.startClient(new ClientConfiguration().setAddresses(address)
                    .setTimeout(Math.toIntExact(Math.min(timeoutMs, Integer.MAX_VALUE))));
        }
    }

    @Command(name = "slot", mixinStandardHelpOptions = true,
            description = "Offline: replay a slot spin from its server seed, client seed and nonce.")
    static final class Slot implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--game", required = true, paramLabel = "FILE|ID",
                description = "Slot definition file, or a game id read from the slots directory.")
        String game;

        @Option(names = "--slots-directory", defaultValue = "config/slots",
                description = "Where game ids are looked up (default: ${DEFAULT-VALUE}).")
        Path slotsDirectory;

        @Option(names = "--server-seed", required = true, paramLabel = "HEX", description = "The revealed server seed.")
        String serverSeed;

        @Option(names = "--client-seed", required = true, description = "The client seed of the round.")
        String clientSeed;

        @Option(names = "--nonce", required = true, description = "The nonce of the round.")
        long nonce;

        @Option(names = "--stake", required = true, description = "Total stake of the spin, in minor units.")
        long stake;

        @Option(names = "--server-seed-hash", paramLabel = "HEX",
                description = "Expected: the commitment shown before play (SHA-256 of the server seed).")
        String serverSeedHash;

        @Option(names = "--stops", paramLabel = "a,b,c,d,e", description = "Expected: the reel stops.")
        String stops;

        @Option(names = "--win", description = "Expected: the total win, in minor units.")
        Long win;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            SlotReplay replay = SlotReplay.of(SlotReplay.game(game, slotsDirectory), serverSeed, clientSeed, nonce,
                    stake);
            replay.print(out);
            Comparison comparison = replay.compare(serverSeedHash, stops, win);
            comparison.print(out);
            return comparison.exitCode();
        }
    }

    @Command(name = "roulette", mixinStandardHelpOptions = true,
            description = "Offline: recompute a table round's number from its revealed seed and check the seed chain.")
    static final class Roulette implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--table", required = true, description = "The table id.")
        String table;

        @Option(names = "--round", required = true, paramLabel = "K", description = "The round number.")
        long round;

        @Option(names = "--seed", required = true, paramLabel = "HEX", description = "The round's revealed seed.")
        String seed;

        @Option(names = "--seed-hash", paramLabel = "HEX",
                description = "Expected: the round's commitment published when it opened.")
        String seedHash;

        @Option(names = "--previous-seed", paramLabel = "HEX",
                description = "Expected link: the revealed seed of round K-1 (SHA-256 of this seed must equal it).")
        String previousSeed;

        @Option(names = "--chain-commitment", paramLabel = "HEX",
                description = "Expected link for the first round of a chain: the table's chain commitment.")
        String chainCommitment;

        @Option(names = "--number", paramLabel = "N", description = "Expected: the winning number shown.")
        Integer number;

        @Override
        public Integer call() {
            if (previousSeed != null && chainCommitment != null) {
                throw new IllegalArgumentException("give --previous-seed or --chain-commitment, not both");
            }
            TableRoundReplay.Link link = previousSeed != null
                    ? TableRoundReplay.Link.previousSeed(round, previousSeed)
                    : chainCommitment != null ? TableRoundReplay.Link.chainCommitment(chainCommitment) : null;
            PrintWriter out = spec.commandLine().getOut();
            TableRoundReplay replay = TableRoundReplay.of(table, round, seed);
            replay.print(out, link);
            Comparison comparison = replay.compare(seedHash, link, number);
            comparison.print(out);
            return comparison.exitCode();
        }
    }

    @Command(name = "round", mixinStandardHelpOptions = true,
            description = "Online: read a slot round and its revealed server seed from the grid and replay it.")
    static final class Round implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        GridOptions grid = new GridOptions();

        @Option(names = "--player", required = true, description = "The player id.")
        long playerId;

        @Option(names = "--round", required = true, paramLabel = "UUID", description = "The round id.")
        UUID roundId;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            NodeSettings settings = grid.settings();
            try (IgniteClient client = grid.start(settings)) {
                ClientCache<RoundKey, SlotRound> rounds = client.cache(CacheSchema.ROUND);
                SlotRound round = rounds.get(new RoundKey(roundId, playerId));
                if (round == null) {
                    throw new IllegalArgumentException("no slot round " + roundId + " of player " + playerId);
                }
                out.printf("round           %s of player %d, played %s%n", roundId, playerId, round.createdAt());
                ClientCache<SeedKey, RevealedSeed> seeds = client.cache(CacheSchema.REVEALED_SEED);
                RevealedSeed revealed = seeds.get(new SeedKey(playerId, round.serverSeedHash()));
                if (revealed == null) {
                    out.printf("server seed     %s is still in play: rotate the player's seeds first, then verify%n",
                            round.serverSeedHash());
                    out.flush();
                    return Comparison.EXIT_SEED_IN_PLAY;
                }
                SlotReplay replay = SlotReplay.of(SlotReplay.game(round.game(), settings.slotsDirectory()),
                        revealed.serverSeed(), round.clientSeed(), round.nonce(), round.stake());
                replay.print(out);
                Comparison comparison = replay.compare(round.serverSeedHash(), round.stops(), round.win())
                        .expect("window", replay.windowText(), round.symbols());
                comparison.print(out);
                return comparison.exitCode();
            }
        }
    }

    @Command(name = "table-round", mixinStandardHelpOptions = true,
            description = "Online: read a roulette table round from the grid and check its number and seed chain.")
    static final class TableRoundCheck implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        GridOptions grid = new GridOptions();

        @Option(names = "--table", required = true, description = "The table id.")
        String table;

        @Option(names = "--round", required = true, paramLabel = "K", description = "The round number.")
        long roundNo;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (IgniteClient client = grid.start(grid.settings())) {
                ClientCache<TableRoundKey, TableRound> rounds = client.cache(CacheSchema.TABLE_ROUND);
                TableRound round = rounds.get(new TableRoundKey(table, roundNo));
                if (round == null) {
                    throw new IllegalArgumentException("no round " + roundNo + " of table " + table);
                }
                if (round.seed() == null) {
                    out.printf("table           %s, round %d is %s: its seed is not revealed (it is revealed with "
                            + "the result)%n", table, roundNo, round.status());
                    out.flush();
                    return Comparison.EXIT_SEED_IN_PLAY;
                }
                ClientCache<String, TableState> tables = client.cache(CacheSchema.ROULETTE_TABLE);
                TableRoundReplay.Link link = link(rounds, tables.get(table));
                TableRoundReplay replay = TableRoundReplay.of(table, roundNo, round.seed());
                replay.print(out, link);
                if (link == null) {
                    out.printf("chain link      not checked: no revealed seed in the %d rounds before%n",
                            LINK_LOOKBACK_ROUNDS_MAX);
                }
                Comparison comparison = replay.compare(round.seedHash(), link, round.result());
                comparison.print(out);
                return comparison.exitCode();
            }
        }

        /**
         * The chain commitment for the current chain's first round; otherwise the nearest earlier revealed seed (a
         * refunded round reveals none, so the link may span several hashes), or the commitment when the current
         * chain has no revealed seed before this round. An earlier chain's commitment is no longer on the table.
         */
        private TableRoundReplay.Link link(ClientCache<TableRoundKey, TableRound> rounds, TableState state) {
            long chainFirst = state == null ? 1 : state.chainFirstRound();
            if (state != null && roundNo == chainFirst) {
                return TableRoundReplay.Link.chainCommitment(state.chainCommitment());
            }
            long oldest = Math.max(1, roundNo - LINK_LOOKBACK_ROUNDS_MAX);
            if (roundNo > chainFirst) {
                oldest = Math.max(oldest, chainFirst);
            }
            for (long k = roundNo - 1; k >= oldest; k--) {
                TableRound earlier = rounds.get(new TableRoundKey(table, k));
                if (earlier != null && earlier.seed() != null) {
                    return new TableRoundReplay.Link("the seed of round " + k, Math.toIntExact(roundNo - k),
                            earlier.seed());
                }
            }
            if (state != null && roundNo > chainFirst && roundNo - chainFirst < LINK_LOOKBACK_ROUNDS_MAX) {
                return new TableRoundReplay.Link("the chain commitment (first round " + chainFirst + ")",
                        Math.toIntExact(roundNo - chainFirst + 1), state.chainCommitment());
            }
            return null;
        }
    }
}
