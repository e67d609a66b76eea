package io.croupier.slots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.croupier.fair.FairRandom;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlotEngineTest {
    /** Stake 50 over 5 lines: line stake 10. */
    private static final long STAKE = 50;
    private static final List<Integer> WILD_PAYS = List.of(10, 50, 500);
    private static final int[] STOP_ZERO = {0, 0, 0, 0, 0};
    private static final String[] QUIET_TOP = {"B", "C", "B", "C", "B"};
    private static final String[] QUIET_BOTTOM = {"C", "B", "C", "B", "C"};

    private static SlotOutcome middleRow(String[] middle, List<Integer> wildPays) {
        SlotDefinition game = TestGames.showing(new String[][] {QUIET_TOP, middle, QUIET_BOTTOM}, wildPays);
        return SlotEngine.evaluate(game, STOP_ZERO, STAKE);
    }

    @Test
    void leadingWildTakesTheIdentityOfTheFirstLineSymbol() {
        SlotOutcome outcome = middleRow(new String[] {"W", "A", "A", "B", "C"}, WILD_PAYS);

        assertThat(outcome.lineWins()).containsExactly(new LineWin(0, "A", 3, 5, 50));
        assertThat(outcome.totalWin()).isEqualTo(50);
    }

    @Test
    void wildInsideARunSubstitutesForTheLineSymbol() {
        SlotOutcome outcome = middleRow(new String[] {"A", "W", "A", "A", "B"}, WILD_PAYS);

        assertThat(outcome.lineWins()).containsExactly(new LineWin(0, "A", 4, 20, 200));
    }

    @Test
    void onlyTheLongestRunFromTheLeftPays() {
        assertThat(middleRow(new String[] {"A", "A", "A", "A", "B"}, WILD_PAYS).lineWins())
                .containsExactly(new LineWin(0, "A", 4, 20, 200));
        assertThat(middleRow(new String[] {"A", "A", "B", "A", "A"}, WILD_PAYS).lineWins()).isEmpty();
        assertThat(middleRow(new String[] {"B", "A", "A", "A", "A"}, WILD_PAYS).lineWins()).isEmpty();
    }

    @Test
    void fiveWildsPayTheWildEntry() {
        SlotOutcome outcome = middleRow(new String[] {"W", "W", "W", "W", "W"}, WILD_PAYS);

        assertThat(outcome.lineWins()).containsExactly(new LineWin(0, "W", 5, 500, 5_000));
    }

    @Test
    void wildPrefixPaysItsOwnEntryWhenThatIsMoreThanTheSubstitutedLine() {
        // 4 wilds pay 50; read as five C they would pay only 25.
        assertThat(middleRow(new String[] {"W", "W", "W", "W", "C"}, WILD_PAYS).lineWins())
                .containsExactly(new LineWin(0, "W", 4, 50, 500));
        // 4 wilds pay 50; read as five A they pay 100.
        assertThat(middleRow(new String[] {"W", "W", "W", "W", "A"}, WILD_PAYS).lineWins())
                .containsExactly(new LineWin(0, "A", 5, 100, 1_000));
    }

    @Test
    void withoutAWildPayEntryOnlyTheSubstitutedLinePays() {
        assertThat(middleRow(new String[] {"W", "W", "W", "W", "W"}, null).lineWins()).isEmpty();
        assertThat(middleRow(new String[] {"W", "W", "W", "B", "C"}, null).lineWins())
                .containsExactly(new LineWin(0, "B", 4, 10, 100));
    }

    @Test
    void aScatterBreaksALine() {
        assertThat(middleRow(new String[] {"S", "A", "A", "A", "A"}, WILD_PAYS).lineWins()).isEmpty();
        assertThat(middleRow(new String[] {"W", "S", "A", "A", "A"}, WILD_PAYS).lineWins()).isEmpty();
        assertThat(middleRow(new String[] {"A", "A", "S", "A", "A"}, WILD_PAYS).lineWins()).isEmpty();
    }

    @Test
    void scattersPayByCountAnywhereInTheWindowTimesTheTotalStake() {
        SlotDefinition game = TestGames.showing(new String[][] {
                {"S", "C", "B", "C", "B"},
                {"A", "B", "S", "A", "C"},
                {"C", "A", "C", "B", "S"}}, WILD_PAYS);

        SlotOutcome outcome = SlotEngine.evaluate(game, STOP_ZERO, STAKE);

        assertThat(outcome.lineWins()).isEmpty();
        assertThat(outcome.scatterCount()).isEqualTo(3);
        assertThat(outcome.scatterWin()).isEqualTo(2 * STAKE);
        assertThat(outcome.totalWin()).isEqualTo(2 * STAKE);
    }

    @Test
    void aWindowWithoutMatchesPaysNothing() {
        SlotDefinition game = TestGames.showing(new String[][] {
                {"A", "B", "C", "A", "B"},
                {"B", "A", "C", "B", "C"},
                {"C", "A", "B", "C", "A"}}, WILD_PAYS);

        SlotOutcome outcome = SlotEngine.evaluate(game, STOP_ZERO, STAKE);

        assertThat(outcome.lineWins()).isEmpty();
        assertThat(outcome.scatterCount()).isZero();
        assertThat(outcome.totalWin()).isZero();
    }

    @Test
    void severalLinesAndScattersAddUp() {
        SlotDefinition game = TestGames.showing(new String[][] {
                {"A", "A", "A", "C", "S"},
                {"W", "W", "W", "W", "W"},
                {"B", "B", "B", "B", "B"}}, WILD_PAYS);

        SlotOutcome outcome = SlotEngine.evaluate(game, STOP_ZERO, STAKE);

        assertThat(outcome.lineWins()).containsExactly(
                new LineWin(0, "W", 5, 500, 5_000),
                new LineWin(1, "A", 3, 5, 50),
                new LineWin(2, "B", 5, 50, 500));
        // The V lines read A W B … and B W A …: runs of 2 pay nothing; one scatter pays nothing.
        assertThat(outcome.scatterCount()).isEqualTo(1);
        assertThat(outcome.scatterWin()).isZero();
        assertThat(outcome.totalWin()).isEqualTo(5_000 + 50 + 500);
    }

    @Test
    void windowRowsReadTheStripFromTheStopAndWrapAround() {
        SlotDefinition game = TestGames.small();
        int[] lastStops = {4, 5, 6, 4, 5};

        SlotOutcome outcome = SlotEngine.evaluate(game, lastStops, 5);

        for (int reel = 0; reel < 5; reel++) {
            List<String> strip = game.reels().get(reel);
            assertThat(outcome.symbolAt(0, reel)).isEqualTo(strip.get(strip.size() - 1));
            assertThat(outcome.symbolAt(1, reel)).isEqualTo(strip.get(0));
            assertThat(outcome.symbolAt(2, reel)).isEqualTo(strip.get(1));
        }
    }

    @Test
    void spinDrawsExactlyOneStopPerReelLeftToRightFromTheFairStream() {
        SlotDefinition game = TestGames.small();
        byte[] serverSeed = "server seed of round 42".getBytes(StandardCharsets.UTF_8);

        FairRandom spinRandom = new FairRandom(serverSeed, "player chosen", 42);
        SlotOutcome outcome = SlotEngine.spin(game, spinRandom, 25);

        FairRandom verifier = new FairRandom(serverSeed, "player chosen", 42);
        int[] expectedStops = new int[5];
        for (int reel = 0; reel < 5; reel++) {
            expectedStops[reel] = verifier.nextInt(game.reels().get(reel).size());
        }
        assertThat(outcome.stops()).containsExactly(expectedStops);
        assertThat(spinRandom.bytesUsed()).isEqualTo(verifier.bytesUsed());
        assertThat(SlotEngine.evaluate(game, expectedStops, 25)).isEqualTo(outcome);
    }

    @Test
    void theSameSeedsAndNonceGiveTheSameOutcomeAndOtherNoncesVary() {
        SlotDefinition game = TestGames.small();
        byte[] serverSeed = {1, 2, 3, 4, 5, 6, 7, 8};
        Set<List<Integer>> distinctStops = new HashSet<>();

        for (long nonce = 0; nonce < 50; nonce++) {
            SlotOutcome first = SlotEngine.spin(game, new FairRandom(serverSeed, "client", nonce), 10);
            SlotOutcome again = SlotEngine.spin(game, new FairRandom(serverSeed, "client", nonce), 10);
            assertThat(again).isEqualTo(first);
            distinctStops.add(java.util.Arrays.stream(first.stops()).boxed().toList());
        }
        assertThat(distinctStops).hasSizeGreaterThan(40);
    }

    @Test
    void aStakeOutsideTheLimitsOrOffTheStepIsRejected() {
        SlotDefinition game = TestGames.small();
        FairRandom random = new FairRandom(new byte[] {1}, "c", 0);

        assertThatThrownBy(() -> SlotEngine.spin(game, random, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlotEngine.spin(game, random, 7)).hasMessageContaining("multiple of 5");
        assertThatThrownBy(() -> SlotEngine.spin(game, random, 505)).hasMessageContaining("5..500");
        assertThat(random.bytesUsed()).as("a rejected stake draws nothing").isZero();
    }

    @Test
    void stopsOutsideTheStripAreRejected() {
        SlotDefinition game = TestGames.small();

        assertThatThrownBy(() -> SlotEngine.evaluate(game, new int[] {5, 0, 0, 0, 0}, 5))
                .hasMessageContaining("stop 5 of reel 0");
        assertThatThrownBy(() -> SlotEngine.evaluate(game, new int[] {0, 0, 0, 0}, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
