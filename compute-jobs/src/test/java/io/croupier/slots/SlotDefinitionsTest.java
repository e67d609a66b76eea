package io.croupier.slots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlotDefinitionsTest {

    private static void assertRejected(Consumer<Map<String, Object>> edit, String message) {
        Map<String, Object> tree = TestGames.smallTree();
        edit.accept(tree);
        assertThatThrownBy(() -> TestGames.fromTree(tree))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> reels(Map<String, Object> tree) {
        return (List<List<Object>>) tree.get("reels");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> paytable(Map<String, Object> tree) {
        return (Map<String, Object>) tree.get("paytable");
    }

    @Test
    void aValidDefinitionExposesWhatItWasBuiltFrom() {
        SlotDefinition game = TestGames.small();

        assertThat(game.id()).isEqualTo("small");
        assertThat(game.lineCount()).isEqualTo(5);
        assertThat(game.reels()).hasSize(5);
        assertThat(game.paytable()).containsEntry("A", List.of(5L, 20L, 100L));
        assertThat(game.scatterPays()).containsEntry(3, 2L).containsEntry(5, 50L);
        assertThat(game.combinations()).isEqualTo(6_300);
        assertThat(game.lineStake(50)).isEqualTo(10);
        assertThat(game.publishedRtp()).isEmpty();
    }

    @Test
    void anUnknownSymbolOnAReelIsRejected() {
        assertRejected(tree -> reels(tree).get(2).set(1, "Q"), "reel 2 position 1: unknown symbol Q");
    }

    @Test
    void anEmptyOrTooShortStripIsRejected() {
        assertRejected(tree -> reels(tree).set(3, new ArrayList<>()), "reel 3 has an empty strip");
        assertRejected(tree -> reels(tree).set(3, new ArrayList<>(List.of("A", "B"))), "reel 3 strip length 2");
    }

    @Test
    void aReelCountOtherThanFiveIsRejected() {
        assertRejected(tree -> reels(tree).remove(4), "exactly 5 strips");
    }

    @Test
    void aPaylineRowOutOfRangeIsRejected() {
        assertRejected(tree -> tree.put("lines", List.of(List.of(1, 1, 3, 1, 1))), "line 0 reel 2: row 3 is out of range");
        assertRejected(tree -> tree.put("lines", List.of(List.of(1, 1, 1, 1))), "line 0 must have 5 row indexes");
        assertRejected(tree -> tree.put("lines", List.of(List.of(1, 1, 1, 1, 1), List.of(1, 1, 1, 1, 1))),
                "line 1 repeats");
    }

    @Test
    void missingOrBadPaysAreRejected() {
        assertRejected(tree -> paytable(tree).remove("B"), "missing pays for LINE symbol B");
        assertRejected(tree -> paytable(tree).put("B", List.of(3, 10)), "B needs exactly 3 multipliers");
        assertRejected(tree -> paytable(tree).put("B", List.of(10, 3, 50)), "must not decrease");
        assertRejected(tree -> paytable(tree).put("B", List.of(-1, 3, 50)), "missing or negative");
        assertRejected(tree -> paytable(tree).put("S", List.of(1, 2, 3)), "pays through scatterPays");
        assertRejected(tree -> paytable(tree).put("Z", List.of(1, 2, 3)), "paytable: unknown symbol Z");
    }

    @Test
    void scatterPaysMustMatchTheScatterSymbol() {
        assertRejected(tree -> tree.remove("scatterPays"), "scatterPays missing for SCATTER symbol S");
        assertRejected(tree -> tree.put("scatterPays", Map.of("3", 1, "4", 2)), "missing or negative pay for 5 scatters");
        assertRejected(tree -> tree.put("scatterPays", Map.of("2", 1, "3", 1, "4", 2, "5", 3)), "count 2 is outside 3..5");
    }

    @Test
    void twoScattersInOneWindowAreRejected() {
        assertRejected(tree -> reels(tree).set(0, new ArrayList<>(List.of("A", "S", "W", "S", "B", "C"))),
                "reel 0: S appears more than once in the window");
    }

    @Test
    void symbolDeclarationsAreChecked() {
        assertRejected(tree -> ((List<Object>) tree.get("symbols")).add(TestGames.symbol("A", "LINE")),
                "symbol A is declared twice");
        assertRejected(tree -> ((List<Object>) tree.get("symbols")).add(TestGames.symbol("X", "BONUS")),
                "symbol X has unknown kind BONUS");
        assertRejected(tree -> ((List<Object>) tree.get("symbols")).add(TestGames.symbol("V", "WILD")),
                "at most one WILD");
        assertRejected(tree -> {
            ((List<Object>) tree.get("symbols")).add(TestGames.symbol("D", "LINE"));
            paytable(tree).put("D", List.of(1, 2, 3));
        }, "symbol D is declared but appears on no reel");
    }

    @Test
    void stakesMustGiveAWholeLineStake() {
        assertRejected(tree -> tree.put("stakeStep", 4), "stakeStep 4 must be a positive multiple of the number of lines (5)");
        assertRejected(tree -> tree.put("stakeMin", 7), "stakeMin 7 must be a positive multiple of stakeStep 5");
        assertRejected(tree -> tree.put("stakeMax", 3), "stakeMax 3 must be >= stakeMin");
    }

    @Test
    void missingAndUnknownFieldsAreRejected() {
        assertRejected(tree -> tree.remove("paytable"), "missing field paytable");
        assertRejected(tree -> tree.remove("id"), "missing field id");
        assertRejected(tree -> tree.put("rows", 4), "rows must be 3");
        assertRejected(tree -> tree.put("paylines", List.of()), "malformed slot definition");
        assertRejected(tree -> tree.put("publishedRtp", "ninety-six"), "publishedRtp is not a decimal number");
        assertRejected(tree -> tree.put("publishedRtp", "1.2"), "publishedRtp must lie in (0, 1)");
    }

    @Test
    void aFileIsNamedAfterItsIdAndErrorsNameTheFile(@TempDir Path directory) throws Exception {
        Path wrongName = directory.resolve("other.json");
        Files.writeString(wrongName, TestGames.json(TestGames.smallTree()));
        assertThatThrownBy(() -> SlotDefinitions.load(wrongName)).hasMessageContaining("does not match the file name");

        Path broken = directory.resolve("broken.json");
        Files.writeString(broken, "{ \"id\": ");
        assertThatThrownBy(() -> SlotDefinitions.load(broken)).hasMessageContaining(broken.toString())
                .hasMessageContaining("malformed");
    }

    @Test
    void aDirectoryLoadsEveryGameById(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("small.json"), TestGames.json(TestGames.smallTree()));
        Files.writeString(directory.resolve("notes.txt"), "not a game");

        assertThat(SlotDefinitions.loadDirectory(directory)).containsOnlyKeys("small");
    }

    @Test
    void aStreamOrAMissingResourceIsReadWithItsSourceInErrors() {
        byte[] json = TestGames.json(TestGames.smallTree()).getBytes(StandardCharsets.UTF_8);

        assertThat(SlotDefinitions.load(new ByteArrayInputStream(json), "stream").id()).isEqualTo("small");
        assertThatThrownBy(() -> SlotDefinitions.loadResource("/slots/absent.json"))
                .hasMessageContaining("no classpath resource /slots/absent.json");
    }

    @Test
    void theShippedDirectoryHoldsBothGames() {
        Map<String, SlotDefinition> games = SlotDefinitions.loadDirectory(ShippedGamesTest.CONFIG);

        assertThat(games).containsOnlyKeys("classic-fruits", "dragon-gold");
        assertThat(games.values()).allSatisfy(game -> assertThat(game.publishedRtp()).isPresent());
    }
}
