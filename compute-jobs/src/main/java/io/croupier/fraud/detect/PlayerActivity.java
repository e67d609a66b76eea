package io.croupier.fraud.detect;

import io.croupier.wallet.OperationKind;
import java.io.Serializable;
import java.sql.Timestamp;
import java.util.Arrays;

/**
 * Running aggregates of one player's money operations, the input of the detection rules. Value of the
 * PLAYER_ACTIVITY cache (key: player id, so it lives in the player's partition beside the transfers it folds).
 * Written by the detector in a small transaction of its own after the money transaction committed, never inside it.
 *
 * <p>A fold over the player's TRANSFER rows: {@link #after} adds one. Which rows are folded in is tracked by a
 * watermark (the latest CREATED_AT folded, and the keys folded at exactly that millisecond), so a transfer seen twice
 * (through the commit lane and the sweep) counts once, and by the count of transfers folded, so the sweep can tell a
 * player whose event was lost and fold them again from their rows.
 *
 * <p>Bounded: cashier events (deposits, withdrawals) older than the longest window of the rules are dropped, and at
 * most {@value #CASHIER_EVENTS_MAX} are kept; wagering is one running total, and each cashier event remembers the
 * total at its time, so "wagering since a deposit" is a subtraction. The win-rate sums are lifetime sums.
 *
 * <p>A plain final class, not a record: Ignite 2.17's binary marshaller cannot build records.
 */
public final class PlayerActivity implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int CASHIER_EVENTS_MAX = 256;
    /** Roulette rounds staked and not yet paid, remembered so their WIN counts (a lost round has no WIN). */
    static final int OPEN_ROULETTE_ROUNDS_MAX = 32;
    private static final long[] NO_LONGS = new long[0];
    private static final String[] NO_KEYS = new String[0];

    /** A player with no operations folded yet. */
    public static final PlayerActivity NONE = new PlayerActivity(0, Long.MIN_VALUE, NO_KEYS, 0, NO_LONGS, NO_LONGS,
            NO_LONGS, 0, 0, 0, 0, 0, NO_KEYS, null, null);

    private final long transfers;
    private final long watermarkMs;
    private final String[] keysAtWatermark;
    private final long wageredMinor;
    private final long[] cashAtMs;
    /** Signed: + a deposit, − a withdrawal. */
    private final long[] cashMinor;
    /** The running wagering total just before each cashier event. */
    private final long[] cashWageredBeforeMinor;
    private final long rounds;
    private final long roundStakeMinor;
    private final long roundWinMinor;
    private final double expectedWinMinor;
    private final double winVarianceMinor2;
    /** References of roulette rounds whose stake was judged and whose WIN (if any) has not come yet. */
    private final String[] openRouletteRounds;
    private final String evaluatedOn;
    private final Timestamp updatedAt;

    private PlayerActivity(long transfers, long watermarkMs, String[] keysAtWatermark, long wageredMinor,
                           long[] cashAtMs, long[] cashMinor, long[] cashWageredBeforeMinor, long rounds,
                           long roundStakeMinor, long roundWinMinor, double expectedWinMinor,
                           double winVarianceMinor2, String[] openRouletteRounds, String evaluatedOn,
                           Timestamp updatedAt) {
        this.transfers = transfers;
        this.watermarkMs = watermarkMs;
        this.keysAtWatermark = keysAtWatermark;
        this.wageredMinor = wageredMinor;
        this.cashAtMs = cashAtMs;
        this.cashMinor = cashMinor;
        this.cashWageredBeforeMinor = cashWageredBeforeMinor;
        this.rounds = rounds;
        this.roundStakeMinor = roundStakeMinor;
        this.roundWinMinor = roundWinMinor;
        this.expectedWinMinor = expectedWinMinor;
        this.winVarianceMinor2 = winVarianceMinor2;
        this.openRouletteRounds = openRouletteRounds;
        this.evaluatedOn = evaluatedOn;
        this.updatedAt = updatedAt;
    }

    /** Whether {@code e} is already folded in (at or before the watermark). */
    public boolean covers(ActivityEvent e) {
        if (e.atMs() != watermarkMs) {
            return e.atMs() < watermarkMs;
        }
        for (String k : keysAtWatermark) {
            if (k.equals(e.idempotencyKey())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The aggregates with {@code e} folded in. {@code profile} is the theory of the round's game (null when the
     * event is not a round, or its game is unknown: then it counts as wagering only); a round's win counts at most
     * {@code roundWinSdMax} standard deviations above its mean ({@link GameProfile#cappedWinMinor}). Cashier events
     * older than {@code retentionMs} before {@code e} are dropped.
     */
    public PlayerActivity after(ActivityEvent e, GameProfile profile, long retentionMs, double roundWinSdMax) {
        long wagered = wageredMinor;
        if (e.isStake()) {
            wagered = Math.addExact(wagered, e.amountMinor());
        } else if (e.kind() == OperationKind.VOID) {
            wagered = Math.max(0, wagered - e.amountMinor());
        }
        long[] at = cashAtMs;
        long[] amount = cashMinor;
        long[] wageredBefore = cashWageredBeforeMinor;
        int keep = firstWithin(e.atMs() - retentionMs);
        if (e.isCashier()) {
            keep = Math.max(keep, at.length + 1 - CASHIER_EVENTS_MAX);
            int n = at.length - keep;
            at = Arrays.copyOfRange(at, keep, keep + n + 1);
            amount = Arrays.copyOfRange(amount, keep, keep + n + 1);
            wageredBefore = Arrays.copyOfRange(wageredBefore, keep, keep + n + 1);
            at[n] = e.atMs();
            amount[n] = e.kind() == OperationKind.DEPOSIT ? e.amountMinor() : -e.amountMinor();
            wageredBefore[n] = wageredMinor;
        } else if (keep > 0) {
            at = Arrays.copyOfRange(at, keep, at.length);
            amount = Arrays.copyOfRange(amount, keep, amount.length);
            wageredBefore = Arrays.copyOfRange(wageredBefore, keep, wageredBefore.length);
        }
        long r = rounds;
        long stake = roundStakeMinor;
        long win = roundWinMinor;
        double expected = expectedWinMinor;
        double variance = winVarianceMinor2;
        String[] open = openRouletteRounds;
        if (e.isRound() && profile != null) {
            r++;
            stake = Math.addExact(stake, e.amountMinor());
            win = Math.addExact(win, profile.cappedWinMinor(e.amountMinor(), e.winMinor(), roundWinSdMax));
            expected += profile.rtp() * e.amountMinor();
            variance += (double) e.amountMinor() * e.amountMinor() * profile.variancePerUnit();
        } else if (e.kind() == OperationKind.WIN && indexOf(open, e.reference()) >= 0) {
            // The payout of a roulette round whose stake was judged: a round returns at most 36 × its stake.
            win = Math.addExact(win, e.amountMinor());
            open = without(open, e.reference());
        }
        long mark = Math.max(watermarkMs, e.atMs());
        String[] keys;
        if (e.atMs() > watermarkMs) {
            keys = new String[] {e.idempotencyKey()};
        } else if (e.atMs() == watermarkMs) {
            keys = Arrays.copyOf(keysAtWatermark, keysAtWatermark.length + 1);
            keys[keysAtWatermark.length] = e.idempotencyKey();
        } else {
            keys = keysAtWatermark;
        }
        return new PlayerActivity(transfers + 1, mark, keys, wagered, at, amount, wageredBefore, r, stake, win,
                expected, variance, open, evaluatedOn, updatedAt);
    }

    /**
     * The aggregates with a roulette BET folded in, with the change its bets made to the theory of the player's
     * bets in that round ({@code io.croupier.roulette.RoundStake}); the round counts once, at its first bet, and is
     * remembered until its WIN comes.
     */
    public PlayerActivity afterRouletteStake(ActivityEvent bet, double expectedReturnDeltaMinor,
                                             double returnVarianceDeltaMinor2, boolean firstOfRound, long retentionMs) {
        PlayerActivity a = after(bet, null, retentionMs, 0);
        String[] open = a.openRouletteRounds;
        if (bet.reference() != null && indexOf(open, bet.reference()) < 0) {
            int drop = Math.max(0, open.length + 1 - OPEN_ROULETTE_ROUNDS_MAX);
            open = Arrays.copyOfRange(open, drop, open.length + 1);
            open[open.length - 1] = bet.reference();
        }
        return new PlayerActivity(a.transfers, a.watermarkMs, a.keysAtWatermark, a.wageredMinor, a.cashAtMs,
                a.cashMinor, a.cashWageredBeforeMinor, a.rounds + (firstOfRound ? 1 : 0),
                Math.addExact(a.roundStakeMinor, bet.amountMinor()), a.roundWinMinor,
                a.expectedWinMinor + expectedReturnDeltaMinor, a.winVarianceMinor2 + returnVarianceDeltaMinor2, open,
                a.evaluatedOn, a.updatedAt);
    }

    private static int indexOf(String[] values, String value) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i].equals(value)) {
                return i;
            }
        }
        return -1;
    }

    private static String[] without(String[] values, String value) {
        return Arrays.stream(values).filter(v -> !v.equals(value)).toArray(String[]::new);
    }

    /** The same aggregates, stamped with the node that evaluated them and when. */
    public PlayerActivity evaluatedOn(String node, long nowMs) {
        return new PlayerActivity(transfers, watermarkMs, keysAtWatermark, wageredMinor, cashAtMs, cashMinor,
                cashWageredBeforeMinor, rounds, roundStakeMinor, roundWinMinor, expectedWinMinor, winVarianceMinor2,
                openRouletteRounds, node, new Timestamp(nowMs));
    }

    /** Index of the first cashier event at or after {@code fromMs}. */
    private int firstWithin(long fromMs) {
        int i = 0;
        while (i < cashAtMs.length && cashAtMs[i] < fromMs) {
            i++;
        }
        return i;
    }

    /** Deposits in [{@code fromMs}, {@code toMs}], in minor units. */
    public long depositsMinor(long fromMs, long toMs) {
        long sum = 0;
        for (int i = 0; i < cashAtMs.length; i++) {
            if (cashAtMs[i] >= fromMs && cashAtMs[i] <= toMs && cashMinor[i] > 0) {
                sum = Math.addExact(sum, cashMinor[i]);
            }
        }
        return sum;
    }

    /** Wagering since the first deposit in [{@code fromMs}, {@code toMs}] (all wagering folded so far); 0 if none. */
    public long wageredSinceFirstDepositMinor(long fromMs, long toMs) {
        for (int i = 0; i < cashAtMs.length; i++) {
            if (cashAtMs[i] >= fromMs && cashAtMs[i] <= toMs && cashMinor[i] > 0) {
                return wageredMinor - cashWageredBeforeMinor[i];
            }
        }
        return 0;
    }

    /** Deposits in [{@code fromMs}, {@code toMs}] of at least {@code minMinor} and below {@code maxMinorExclusive}. */
    public int depositsBetween(long fromMs, long toMs, long minMinor, long maxMinorExclusive) {
        int n = 0;
        for (int i = 0; i < cashAtMs.length; i++) {
            if (cashAtMs[i] >= fromMs && cashAtMs[i] <= toMs && cashMinor[i] >= minMinor
                    && cashMinor[i] < maxMinorExclusive) {
                n++;
            }
        }
        return n;
    }

    /** Deposits plus withdrawals in [{@code fromMs}, {@code toMs}], in minor units, and how many. */
    public long[] cashierVolumeMinorAndCount(long fromMs, long toMs) {
        long sum = 0;
        long n = 0;
        for (int i = 0; i < cashAtMs.length; i++) {
            if (cashAtMs[i] >= fromMs && cashAtMs[i] <= toMs) {
                sum = Math.addExact(sum, Math.abs(cashMinor[i]));
                n++;
            }
        }
        return new long[] {sum, n};
    }

    /**
     * The win-rate z-score: how many standard deviations the player's total win lies above what the games return in
     * theory for these stakes. 0 before the first judged round.
     */
    public double winRateZ() {
        return winVarianceMinor2 <= 0 ? 0 : (roundWinMinor - expectedWinMinor) / Math.sqrt(winVarianceMinor2);
    }

    public long transfers() {
        return transfers;
    }

    public long watermarkMs() {
        return watermarkMs;
    }

    public long wageredMinor() {
        return wageredMinor;
    }

    public int cashierEvents() {
        return cashAtMs.length;
    }

    public long rounds() {
        return rounds;
    }

    public long roundStakeMinor() {
        return roundStakeMinor;
    }

    public long roundWinMinor() {
        return roundWinMinor;
    }

    public double expectedWinMinor() {
        return expectedWinMinor;
    }

    /** Consistent id of the node that last evaluated this player (the player's primary at the time). */
    public String evaluatedOn() {
        return evaluatedOn;
    }

    public Timestamp updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "PlayerActivity{transfers=" + transfers + ", wagered=" + wageredMinor + ", cashier=" + cashAtMs.length
                + ", rounds=" + rounds + ", z=" + String.format("%.2f", winRateZ()) + ", on=" + evaluatedOn + "}";
    }
}
