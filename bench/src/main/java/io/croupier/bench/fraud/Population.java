package io.croupier.bench.fraud;

import io.croupier.bench.fraud.Plan.Deposit;
import io.croupier.bench.fraud.Plan.Pause;
import io.croupier.bench.fraud.Plan.ProviderRounds;
import io.croupier.bench.fraud.Plan.Relogin;
import io.croupier.bench.fraud.Plan.Spins;
import io.croupier.bench.fraud.Plan.Step;
import io.croupier.bench.fraud.Plan.TableRounds;
import io.croupier.bench.fraud.Plan.WithdrawAll;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The simulated population, drawn from one seed: ordinary players with varied, realistic play, and for each fraud
 * kind {@code perKind} fraudsters. The same settings and seed give the same plans (outcomes of the games still depend
 * on the platform's own fair randomness).
 *
 * <p>Ordinary players deposit 30–150 times their usual stake, spin slots with think times of a person, some sit at a
 * table for a few rounds of mixed bets (or longer, loyal to one even-money side) or play a provider's game, some log in again later (now and then from a second
 * device of their own), and some withdraw their balance — only after wagering more than they deposited. A share of them
 * live in households: two to four players behind one address, each on their own device. No two players share a device.
 */
final class Population {
    static final String[] GAMES = {"classic-fruits", "dragon-gold"};
    private static final long[] ORDINARY_STAKES = {10, 20, 50, 100, 200, 500};
    private static final int[] ORDINARY_STAKE_WEIGHTS = {25, 25, 20, 15, 10, 5};
    private static final List<String> EVEN_MONEY = List.of("RED", "BLACK", "ODD", "EVEN", "LOW", "HIGH");
    private static final String[][] COLLUSION_SIDES = {{"RED", "BLACK"}, {"ODD", "EVEN"}, {"LOW", "HIGH"}};

    /**
     * @param ordinary                ordinary players
     * @param perKind                 fraudsters of each kind (multi-account rings and colluding pairs are rounded
     *                                down to whole rings and pairs)
     * @param ringSize                accounts one multi-accounter opens on one device
     * @param collusionRounds         rounds a colluding pair plays together
     * @param abuserRounds            third-party rounds a win-rate abuser plays
     * @param reportingThresholdMinor the significant-transaction threshold structurers keep under and large
     *                                transactions reach (minor units)
     * @param householdShare          share of ordinary players who live in a household of 2-4 behind one address
     * @param rampMs                  players start spread over this time
     * @param tables                  roulette tables to play at
     * @param seed                    the random seed of the whole population
     * @param run                     a short token unique to the run, in usernames
     */
    record Settings(int ordinary, int perKind, int ringSize, int collusionRounds, int abuserRounds,
                    long reportingThresholdMinor, double householdShare, long rampMs, List<String> tables, long seed,
                    String run) {
        Settings {
            if (ordinary < 0 || perKind < 0 || ringSize < 2 || collusionRounds < 1 || abuserRounds < 1
                    || reportingThresholdMinor < 10_000 || householdShare < 0 || householdShare > 1 || rampMs < 0
                    || tables.isEmpty()) {
                throw new IllegalArgumentException("population settings out of range: ordinary, perKind >= 0, "
                        + "ringSize >= 2, rounds >= 1, threshold >= 10000, householdShare in 0..1, a table");
            }
        }
    }

    private final Settings settings;
    private final Random random;
    private final HexFormat hex = HexFormat.of();
    private final List<Plan> plans = new ArrayList<>();
    private int addresses;

    private Population(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    static List<Plan> draw(Settings settings) {
        Population p = new Population(settings);
        p.ordinaryPlayers();
        for (int i = 0; i < settings.perKind(); i++) {
            p.lowWagering();
            p.structurer();
            p.largeTransaction();
            p.winRateAbuser();
        }
        for (int i = 0; i < settings.perKind() / settings.ringSize(); i++) {
            p.multiAccountRing();
        }
        for (int i = 0; i < settings.perKind() / 2; i++) {
            p.colludingPair(i);
        }
        return List.copyOf(p.plans);
    }

    private void ordinaryPlayers() {
        int household = 0;
        String address = null;
        for (int i = 0; i < settings.ordinary(); i++) {
            if (household == 0) {
                address = newAddress();
                household = random.nextDouble() < settings.householdShare() ? 2 + random.nextInt(3) : 1;
            }
            household--;
            ordinary(address);
        }
    }

    private void ordinary(String address) {
        long stake = weighted(ORDINARY_STAKES, ORDINARY_STAKE_WEIGHTS);
        long deposit = round(stake * between(30, 150), 10);
        String game = GAMES[random.nextDouble() < 0.7 ? 0 : 1];
        String device = newDevice();
        boolean withdraws = random.nextDouble() < 0.3;
        List<Step> steps = new ArrayList<>();
        steps.add(new Deposit(deposit));
        int spins = withdraws ? (int) Math.ceil(1.2 * deposit / stake) + between(0, 20) : between(20, 80);
        int first = spins / 3;
        steps.add(spins(game, stake, first));
        if (random.nextDouble() < 0.15) {
            steps.add(new Pause(between(1_000, 5_000)));
            steps.add(new Relogin(random.nextDouble() < 0.5 ? device : newDevice()));
        }
        if (random.nextDouble() < 0.25) {
            // Many players stay loyal to one colour (or odd, even, low, high) round after round: two strangers loyal
            // to opposite sides at one table look like a colluding pair for as long as they both stay.
            boolean loyal = random.nextDouble() < 0.4;
            steps.add(loyal ? new TableRounds(pick(settings.tables()), between(6, 15), pick(EVEN_MONEY), stake)
                    : new TableRounds(pick(settings.tables()), between(3, 8), null, stake));
        }
        if (random.nextDouble() < 0.15) {
            steps.add(new ProviderRounds(ProviderGame.FAIR, stake, between(60, 250), 150, 450));
        }
        steps.add(spins(game, stake, spins - first));
        if (withdraws) {
            steps.add(new WithdrawAll());
        }
        add(null, device, address, start(), steps);
    }

    /** Deposits, barely plays (under a tenth of the deposits wagered), withdraws the rest. */
    private void lowWagering() {
        List<Step> steps = new ArrayList<>();
        long deposits = round(between(20_000, 150_000), 100);
        steps.add(new Deposit(deposits));
        if (random.nextDouble() < 0.4) {
            long second = round(between(10_000, 100_000), 100);
            steps.add(new Pause(between(1_000, 3_000)));
            steps.add(new Deposit(second));
            deposits += second;
        }
        long stake = pick(List.of(100L, 200L, 500L));
        int spins = (int) Math.max(1, Math.min(between(2, 6), deposits / 10 / stake));
        steps.add(spins(GAMES[0], stake, spins));
        steps.add(new Pause(between(1_000, 5_000)));
        steps.add(new WithdrawAll());
        add(FraudKind.LOW_WAGERING, newDevice(), newAddress(), start(), steps);
    }

    /** Three to five deposits each just under the threshold (91-99 % of it), a few seconds apart, then some play. */
    private void structurer() {
        List<Step> steps = new ArrayList<>();
        int count = between(3, 5);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                steps.add(new Pause(between(1_000, 4_000)));
            }
            steps.add(new Deposit(round((long) (settings.reportingThresholdMinor() * (0.91 + 0.08 * random.nextDouble())),
                    100)));
        }
        steps.add(spins(GAMES[0], pick(List.of(200L, 500L, 1_000L)), between(10, 25)));
        add(FraudKind.STRUCTURING, newDevice(), newAddress(), start(), steps);
    }

    /** One deposit of 1.05-3 times the threshold, then ordinary play at high stakes. */
    private void largeTransaction() {
        long amount = round((long) (settings.reportingThresholdMinor() * (1.05 + 1.95 * random.nextDouble())), 1_000);
        List<Step> steps = List.of(new Deposit(amount),
                spins(GAMES[random.nextInt(GAMES.length)], pick(List.of(500L, 1_000L, 2_000L)), between(15, 40)));
        add(FraudKind.LARGE_TRANSACTION, newDevice(), newAddress(), start(), steps);
    }

    /**
     * A third-party game whose results come back far above its RTP (see {@link ProviderGame#ABUSED}): a small deposit,
     * many rounds, then the winnings withdrawn.
     */
    private void winRateAbuser() {
        long stake = pick(List.of(50L, 100L, 200L));
        List<Step> steps = List.of(new Deposit(round(stake * between(50, 150), 100)),
                new ProviderRounds(ProviderGame.ABUSED, stake, settings.abuserRounds(), 100, 300), new WithdrawAll());
        add(FraudKind.WIN_RATE, newDevice(), newAddress(), start(), steps);
    }

    /** One person, {@code ringSize} accounts on one device and address, opened a few seconds apart, each playing a little. */
    private void multiAccountRing() {
        String device = newDevice();
        String address = newAddress();
        long at = start();
        for (int i = 0; i < settings.ringSize(); i++) {
            long stake = pick(List.of(10L, 20L, 50L));
            List<Step> steps = List.of(new Deposit(round(between(1_000, 5_000), 100)),
                    spins(GAMES[0], stake, between(10, 30)));
            add(FraudKind.MULTI_ACCOUNT, device, address, at, steps);
            at += between(3_000, 15_000);
        }
    }

    /**
     * Two players on their own devices and addresses at one table, every round the same stake on opposite even-money
     * outcomes: whatever the ball does, one loses to the other what the other wins (the house keeps only zero's).
     */
    private void colludingPair(int pair) {
        String table = settings.tables().get(pair % settings.tables().size());
        String[] sides = COLLUSION_SIDES[random.nextInt(COLLUSION_SIDES.length)];
        long stake = pick(List.of(500L, 1_000L, 2_000L, 5_000L));
        long deposit = stake * (settings.collusionRounds() + 5);
        long at = start();
        for (String side : sides) {
            List<Step> steps = List.of(new Deposit(deposit),
                    new TableRounds(table, settings.collusionRounds(), side, stake));
            add(FraudKind.COLLUSION, newDevice(), newAddress(), at, steps);
        }
    }

    private void add(FraudKind kind, String device, String address, long startMs, List<Step> steps) {
        int index = plans.size();
        String tag = kind == null ? "p" : kind.name().substring(0, 2).toLowerCase(java.util.Locale.ROOT);
        plans.add(new Plan(index, "sim" + settings.run() + "-" + tag + index, kind, device, address, startMs,
                List.copyOf(steps)));
    }

    private Spins spins(String game, long stake, int count) {
        return new Spins(game, stake, count, 400, 1_200);
    }

    private long start() {
        return settings.rampMs() == 0 ? 0 : (long) (random.nextDouble() * settings.rampMs());
    }

    private String newDevice() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return hex.formatHex(b);
    }

    /** Unique per call: 10.x.y.z from a counter (documentation-style private addresses, never real clients). */
    private String newAddress() {
        int n = ++addresses;
        return "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }

    private int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private long weighted(long[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static long round(long amount, long step) {
        return Math.max(step, amount / step * step);
    }
}
