package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.fair.FairRandom;
import io.croupier.fair.Seeds;
import io.croupier.roulette.RouletteWheel;
import io.croupier.roulette.SeedChain;
import io.croupier.slots.SlotCatalog;
import io.croupier.slots.SlotDefinition;
import io.croupier.slots.SlotDefinitions;
import io.croupier.slots.SlotEngine;
import io.croupier.slots.SlotOutcome;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The offline verifiers, run through the command line on rounds played by the real engine from known seeds. */
class CliVerifyTest {
    static final Path SLOTS = Path.of("../config/slots");
    static final String GAME_FILE = SLOTS.resolve("classic-fruits.json").toString();
    static final String CLIENT_SEED = "players-own-seed";
    static final long STAKE = 100;

    private static byte[] serverSeed;
    private static long winningNonce;
    private static SlotOutcome played;

    /** A round that wins, so a tampered win differs from a real one and the line wins are printed. */
    @BeforeAll
    static void playAWinningRound() {
        SlotDefinition game = SlotDefinitions.load(Path.of(GAME_FILE));
        serverSeed = Seeds.fromHex("8c891d6c9939ebeefda50757a3bcfacbddd9e3c19c53663741e2f336f3af2990");
        for (long nonce = 0; ; nonce++) {
            SlotOutcome outcome = SlotEngine.spin(game, new FairRandom(serverSeed, CLIENT_SEED, nonce), STAKE);
            if (!outcome.lineWins().isEmpty()) {
                winningNonce = nonce;
                played = outcome;
                return;
            }
        }
    }

    private static CliRun verifySlot(byte[] seed, long win, String... more) {
        String[] base = {"verify", "slot", "--game", GAME_FILE, "--server-seed", Seeds.hex(seed),
                "--client-seed", CLIENT_SEED, "--nonce", Long.toString(winningNonce), "--stake", Long.toString(STAKE),
                "--server-seed-hash", Seeds.commitment(serverSeed), "--stops", SlotCatalog.stopsText(played.stops()),
                "--win", Long.toString(win)};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(args);
    }

    @Test
    void aRoundReplayedFromItsSeedsMatchesEveryShownValueAndExitsZero() {
        CliRun run = verifySlot(serverSeed, played.totalWin());

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out())
                .contains("stops           " + SlotCatalog.stopsText(played.stops()))
                .contains("total win       " + played.totalWin())
                .contains("line " + (played.lineWins().get(0).line() + 1) + ": ")
                .contains("MATCH     server seed hash   " + Seeds.commitment(serverSeed))
                .contains("MATCH     stops")
                .contains("MATCH     win")
                .contains("verdict         MATCH (3 of 3 items)")
                .doesNotContain("MISMATCH");
        for (var row : played.window()) {
            assertThat(run.out()).containsPattern(String.join(" +", row));
        }
    }

    @Test
    void aTamperedWinIsAMismatchAndExitsOne() {
        CliRun run = verifySlot(serverSeed, played.totalWin() + 10);

        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        assertThat(run.out())
                .contains("MISMATCH  win                recomputed " + played.totalWin() + ", expected "
                        + (played.totalWin() + 10))
                .contains("MATCH     stops")
                .contains("verdict         MISMATCH (1 of 3 items differ)");
    }

    @Test
    void aSeedOtherThanTheCommittedOneIsAMismatchAndExitsOne() {
        byte[] other = Seeds.sha256(serverSeed);

        CliRun run = verifySlot(other, played.totalWin());

        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        assertThat(run.out()).contains("MISMATCH  server seed hash   recomputed " + Seeds.commitment(other))
                .contains("verdict         MISMATCH");
    }

    @Test
    void aGameIdIsLookedUpInTheSlotsDirectoryAndWithoutExpectationsNothingIsCompared() {
        CliRun run = CliRun.of("verify", "slot", "--game", "classic-fruits", "--slots-directory", SLOTS.toString(),
                "--server-seed", Seeds.hex(serverSeed), "--client-seed", CLIENT_SEED,
                "--nonce", Long.toString(winningNonce), "--stake", Long.toString(STAKE));

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).contains("game            classic-fruits (Classic Fruits)")
                .contains("stops           " + SlotCatalog.stopsText(played.stops()))
                .contains("nothing to compare");
    }

    @Test
    void inputThatCannotBeCheckedExitsThreeWithTheReason() {
        CliRun unknownGame = CliRun.of("verify", "slot", "--game", "no-such-game", "--slots-directory",
                SLOTS.toString(), "--server-seed", "00", "--client-seed", "c", "--nonce", "0", "--stake", "100");
        CliRun badStake = CliRun.of("verify", "slot", "--game", GAME_FILE, "--server-seed", Seeds.hex(serverSeed),
                "--client-seed", "c", "--nonce", "0", "--stake", "15");
        CliRun missingOption = CliRun.of("verify", "roulette", "--table", "eu-1");

        assertThat(unknownGame.exitCode()).isEqualTo(Comparison.EXIT_INVALID);
        assertThat(unknownGame.err()).contains("unknown game no-such-game");
        assertThat(badStake.exitCode()).isEqualTo(Comparison.EXIT_INVALID);
        assertThat(badStake.err()).contains("stake 15 is not allowed");
        assertThat(missingOption.exitCode()).isEqualTo(Comparison.EXIT_INVALID);
        assertThat(missingOption.err()).contains("Missing required options");
    }

    @Test
    void theFirstRoundOfAChainLinksToTheChainCommitment() {
        SeedChain chain = SeedChain.fresh(5);
        byte[] seed = chain.seed(1);
        int number = SeedChain.number(seed, "eu-1", 1);

        CliRun run = CliRun.of("verify", "roulette", "--table", "eu-1", "--round", "1", "--seed", Seeds.hex(seed),
                "--seed-hash", Seeds.commitment(seed), "--chain-commitment", chain.commitment(),
                "--number", Integer.toString(number));

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).contains("number          " + number + " " + RouletteWheel.color(number))
                .contains("MATCH     chain link")
                .contains("verdict         MATCH (3 of 3 items)");
    }

    @Test
    void aLaterRoundLinksToThePreviousRoundsSeed() {
        SeedChain chain = SeedChain.fresh(5);
        byte[] seed = chain.seed(3);
        int number = SeedChain.number(seed, "eu-1", 3);

        CliRun run = CliRun.of("verify", "roulette", "--table", "eu-1", "--round", "3", "--seed", Seeds.hex(seed),
                "--seed-hash", Seeds.commitment(seed), "--previous-seed", Seeds.hex(chain.seed(2)),
                "--number", Integer.toString(number));

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).contains("against the seed of round 2").contains("verdict         MATCH (3 of 3 items)");
    }

    @Test
    void aWrongPreviousSeedOrNumberIsAMismatchAndExitsOne() {
        SeedChain chain = SeedChain.fresh(5);
        byte[] seed = chain.seed(3);
        int number = SeedChain.number(seed, "eu-1", 3);

        CliRun wrongLink = CliRun.of("verify", "roulette", "--table", "eu-1", "--round", "3",
                "--seed", Seeds.hex(seed), "--previous-seed", Seeds.hex(chain.seed(1)));
        CliRun wrongNumber = CliRun.of("verify", "roulette", "--table", "eu-1", "--round", "3",
                "--seed", Seeds.hex(seed), "--number", Integer.toString((number + 1) % 37));

        assertThat(wrongLink.exitCode()).as("%s", wrongLink).isEqualTo(1);
        assertThat(wrongLink.out()).contains("MISMATCH  chain link").contains("verdict         MISMATCH");
        assertThat(wrongNumber.exitCode()).as("%s", wrongNumber).isEqualTo(1);
        assertThat(wrongNumber.out()).contains("MISMATCH  number             recomputed " + number);
    }

    @Test
    void bothChainLinksAtOnceCannotBeChecked() {
        SeedChain chain = SeedChain.fresh(2);
        CliRun run = CliRun.of("verify", "roulette", "--table", "eu-1", "--round", "2", "--seed",
                Seeds.hex(chain.seed(2)), "--previous-seed", Seeds.hex(chain.seed(1)), "--chain-commitment",
                chain.commitment());

        assertThat(run.exitCode()).isEqualTo(Comparison.EXIT_INVALID);
        assertThat(run.err()).contains("not both");
    }
}
