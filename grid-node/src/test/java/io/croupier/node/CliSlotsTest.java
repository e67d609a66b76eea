package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The slot maths commands on the shipped games. */
class CliSlotsTest {
    static final Path SLOTS = Path.of("../config/slots");

    @Test
    void rtpPrintsTheExactFiguresOfEachGameAndConfirmsItsPublishedRtp() {
        CliRun run = CliRun.of("slots", "rtp", "--game", SLOTS.resolve("classic-fruits.json").toString(),
                "--game", "dragon-gold", "--slots-directory", SLOTS.toString());

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out())
                .contains("classic-fruits (Classic Fruits)")
                .contains("combinations   24,300,000 (30 × 30 × 30 × 30 × 30), 10 lines")
                .contains("exact RTP      1168619/1215000 = 0.961826")
                .contains("published RTP  0.961826337449 MATCH")
                .contains("dragon-gold (Dragon Gold)")
                .contains("published RTP  0.941340644313 MATCH")
                .contains("hit frequency  0.").contains("SD             ").contains("max win        ");
    }

    @Test
    void rtpWithoutGamesCoversTheWholeDirectory() {
        CliRun run = CliRun.of("slots", "rtp", "--slots-directory", SLOTS.toString());

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).contains("classic-fruits (Classic Fruits)").contains("dragon-gold (Dragon Gold)");
    }

    @Test
    void simulateByGameIdPlaysTheGivenSeedAndPasses() {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CliRun run;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            run = CliRun.of("slots", "simulate", "--game", "classic-fruits", "--slots-directory", SLOTS.toString(),
                    "--spins", "20000", "--seed", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        } finally {
            System.setOut(original);
        }

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("game            classic-fruits (Classic Fruits)")
                .contains("spins           20,000")
                .contains("observed RTP    0.942075")
                .contains("PASS");
    }
}
