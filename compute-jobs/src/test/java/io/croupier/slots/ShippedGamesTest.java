package io.croupier.slots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The games in config/slots: each published RTP is the exact one, and each game has the volatility it claims. */
class ShippedGamesTest {
    static final Path CONFIG = Path.of("..", "config", "slots");

    static SlotDefinition shipped(String id) {
        return SlotDefinitions.load(CONFIG.resolve(id + ".json"));
    }

    private static RtpReport exactAndPublishedAgree(SlotDefinition game) {
        long started = System.nanoTime();
        RtpReport report = RtpCalculator.calculate(game);
        System.out.printf("%s in %d ms%n", report, (System.nanoTime() - started) / 1_000_000);

        BigDecimal published = game.publishedRtp().orElseThrow();
        assertThat(report.rtp(30).subtract(published).abs().doubleValue()).isLessThanOrEqualTo(1e-9);
        assertThat(report.rtp()).isBetween(0.92, 0.98);
        return report;
    }

    @Test
    void classicFruitsPublishesItsExactRtpAndWinsOften() {
        RtpReport report = exactAndPublishedAgree(shipped("classic-fruits"));

        assertThat(report.rtp()).isCloseTo(0.961826337449, within(1e-12));
        assertThat(report.hitFrequency()).isBetween(0.25, 0.40);
    }

    @Test
    void dragonGoldPublishesItsExactRtpAndIsTheMoreVolatileGame() {
        RtpReport dragon = exactAndPublishedAgree(shipped("dragon-gold"));
        RtpReport fruits = RtpCalculator.calculate(shipped("classic-fruits"));

        assertThat(dragon.rtp()).isCloseTo(0.941340644313, within(1e-12));
        assertThat(dragon.standardDeviation()).isGreaterThan(3 * fruits.standardDeviation());
        assertThat(dragon.hitFrequency()).isLessThan(fruits.hitFrequency());
        assertThat(dragon.maxWinMultiplier()).isGreaterThan(10 * fruits.maxWinMultiplier());
    }
}
