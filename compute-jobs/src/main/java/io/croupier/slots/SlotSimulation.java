package io.croupier.slots;

import io.croupier.check.Check;
import io.croupier.fair.FairRandom;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Plays many spins of a game through {@link SlotEngine#spin} with the provably fair stream and compares the observed
 * RTP with the exact one from {@link RtpCalculator}: the run passes when the observed RTP lies within
 * exact ± 2.576·SD/√N (99 % of honest runs do).
 *
 * <p>Usage: {@code SlotSimulation --game config/slots/classic-fruits.json [--spins 10000000] [--seed HEX]}. Spin
 * {@code i} uses the server seed, client seed {@value #CLIENT_SEED} and nonce {@code i}; without {@code --seed} a
 * random server seed is drawn and printed so the run can be repeated. Each spin stakes the game's minimum stake.
 */
public final class SlotSimulation {
    static final String CLIENT_SEED = "sim";
    static final long SPINS_DEFAULT = 10_000_000;
    /** Worker threads; the nonce range is split into this many contiguous parts. */
    static final int THREADS = 2;
    /** Two-sided 99 % quantile of the standard normal distribution. */
    static final double Z_99 = 2.576;

    private SlotSimulation() {
    }

    /** Totals of a simulated run, in minor units. */
    public record Result(long spins, long totalStake, long totalWin) {
        public double observedRtp() {
            return (double) totalWin / totalStake;
        }

        Result plus(Result other) {
            return new Result(Math.addExact(spins, other.spins), Math.addExact(totalStake, other.totalStake),
                    Math.addExact(totalWin, other.totalWin));
        }
    }

    /** Plays nonces 0..spins-1 at the minimum stake, split over {@code threads} threads. */
    public static Result simulate(SlotDefinition definition, byte[] serverSeed, long spins, int threads) {
        Check.argument(spins > 0, "spins must be > 0");
        Check.argument(threads > 0, "threads must be > 0");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Result>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long from = spins * t / threads;
                long to = spins * (t + 1) / threads;
                parts.add(pool.submit(() -> play(definition, serverSeed, from, to)));
            }
            Result total = new Result(0, 0, 0);
            for (Future<Result> part : parts) {
                total = total.plus(part.get());
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulation failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result play(SlotDefinition definition, byte[] serverSeed, long fromNonce, long toNonce) {
        long stake = definition.stakeMin();
        long totalStake = 0;
        long totalWin = 0;
        for (long nonce = fromNonce; nonce < toNonce; nonce++) {
            SlotOutcome outcome = SlotEngine.spin(definition, new FairRandom(serverSeed, CLIENT_SEED,
                    nonce), stake);
            totalStake = Math.addExact(totalStake, stake);
            totalWin = Math.addExact(totalWin, outcome.totalWin());
        }
        return new Result(toNonce - fromNonce, totalStake, totalWin);
    }

    /** Half-width of the interval around the exact RTP that holds the observed RTP of {@code spins} spins. */
    public static double halfWidth(RtpReport exact, long spins, double z) {
        return z * exact.standardDeviation() / Math.sqrt(spins);
    }

    public static void main(String[] args) {
        Path game = null;
        long spins = SPINS_DEFAULT;
        byte[] seed = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--game" -> game = Path.of(required(value, "--game"));
                case "--spins" -> spins = Long.parseLong(required(value, "--spins").replace("_", "").replace(",", ""));
                case "--seed" -> seed = HexFormat.of().parseHex(required(value, "--seed"));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: --game FILE [--spins N] [--seed HEX]");
            }
            i++;
        }
        Check.argument(game != null, "usage: --game FILE [--spins N] [--seed HEX]");
        if (seed == null) {
            seed = new byte[32];
            new SecureRandom().nextBytes(seed);
        }
        SlotDefinition definition = SlotDefinitions.load(game);
        long started = System.nanoTime();
        RtpReport exact = RtpCalculator.calculate(definition);
        long exactMs = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        Result result = simulate(definition, seed, spins, THREADS);
        long simulationMs = (System.nanoTime() - started) / 1_000_000;

        double halfWidth = halfWidth(exact, spins, Z_99);
        double low = exact.rtp() - halfWidth;
        double high = exact.rtp() + halfWidth;
        boolean pass = result.observedRtp() >= low && result.observedRtp() <= high;
        System.out.printf("game            %s (%s)%n", definition.id(), definition.name());
        System.out.printf("server seed     %s, client seed %s, nonces 0..%d%n", HexFormat.of().formatHex(seed),
                CLIENT_SEED, spins - 1);
        System.out.printf("spins           %,d (%d ms on %d threads)%n", result.spins(), simulationMs, THREADS);
        System.out.printf("total stake     %,d%n", result.totalStake());
        System.out.printf("total win       %,d%n", result.totalWin());
        System.out.printf("observed RTP    %.6f%n", result.observedRtp());
        System.out.printf("exact RTP       %s (%d ms over %,d combinations), SD %.4f%n", exact.rtp(10).toPlainString(),
                exactMs, exact.combinations(), exact.standardDeviation());
        System.out.printf("99%% interval    [%.6f, %.6f]%n", low, high);
        System.out.println(pass ? "PASS" : "FAIL");
        if (!pass) {
            System.exit(1);
        }
    }

    private static String required(String value, String option) {
        Check.argument(value != null, option + " needs a value");
        return value;
    }
}
