package io.croupier.roulette;

import io.croupier.schema.CacheSchema;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.ignite.Ignite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the player's node learns of a roulette stake after it committed: the BET's key and how the theory of the
 * player's bets in the round changed with it (mean and variance of what they return, exact over the 37 equally
 * likely numbers). A table's stake is applied by the bet job in one transaction with the round's rows, not on the
 * player's commit lane, and the bets' kinds live in TABLE_BET, colocated by table: this message is how the fraud
 * detector on the player's primary (normally the job's own node) hears of the stake and can judge roulette rounds in
 * the player's win rate. It carries the change
 * from the bets the player already held in the round, so several bet requests in one round add up to the exact
 * moments of all of them (they are correlated: one number decides them all).
 *
 * <p>A plain final class, not a record: it may cross the network through Ignite's binary marshaller.
 */
public final class RoundStake implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(RoundStake.class);
    /** Ignite messaging topic the detectors listen on. */
    public static final String TOPIC = "croupier.roulette.stake";
    /** Node-local flag a detector sets: stakes are told only when this cluster runs detectors. */
    public static final String LISTENING = RoundStake.class.getName() + ".listening";

    private final long playerId;
    private final String idempotencyKey;
    private final double expectedReturnDeltaMinor;
    private final double returnVarianceDeltaMinor2;
    private final boolean firstOfRound;

    RoundStake(long playerId, String idempotencyKey, double expectedReturnDeltaMinor,
               double returnVarianceDeltaMinor2, boolean firstOfRound) {
        this.playerId = playerId;
        this.idempotencyKey = idempotencyKey;
        this.expectedReturnDeltaMinor = expectedReturnDeltaMinor;
        this.returnVarianceDeltaMinor2 = returnVarianceDeltaMinor2;
        this.firstOfRound = firstOfRound;
    }

    /** The stake of {@code added}, placed under {@code key}, on top of the bets {@code held} in the same round. */
    public static RoundStake of(long playerId, String key, List<RouletteBet> held, List<RouletteBet> added) {
        List<RouletteBet> all = new ArrayList<>(held);
        all.addAll(added);
        double[] before = moments(held);
        double[] after = moments(all);
        return new RoundStake(playerId, key, after[0] - before[0], after[1] - before[1], held.isEmpty());
    }

    /** Mean and variance of what {@code bets} return together, in minor units (minor units squared). */
    public static double[] moments(List<RouletteBet> bets) {
        double mean = 0;
        double square = 0;
        for (int n = RouletteWheel.NUMBER_MIN; n <= RouletteWheel.NUMBER_MAX; n++) {
            double returned = 0;
            for (RouletteBet b : bets) {
                returned += b.winnings(n);
            }
            mean += returned;
            square += returned * returned;
        }
        mean /= RouletteWheel.POCKETS;
        return new double[] {mean, Math.max(0, square / RouletteWheel.POCKETS - mean * mean)};
    }

    /**
     * Sends the stake to the player's primary node, after the bet committed; never fails the caller (a lost message
     * costs the round its place in the win-rate sums, nothing else).
     */
    static void tell(Ignite ignite, RoundStake stake) {
        if (!ignite.cluster().nodeLocalMap().containsKey(LISTENING)) {
            return;
        }
        try {
            ignite.message(ignite.cluster().forNode(
                    ignite.affinity(CacheSchema.PLAYER).mapKeyToNode(stake.playerId))).send(TOPIC, stake);
        } catch (RuntimeException e) {
            log.debug("Roulette stake of player {} not told to the detector", stake.playerId, e);
        }
    }

    public long playerId() {
        return playerId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public double expectedReturnDeltaMinor() {
        return expectedReturnDeltaMinor;
    }

    public double returnVarianceDeltaMinor2() {
        return returnVarianceDeltaMinor2;
    }

    /** Whether this was the player's first bet request in the round (the round counts once). */
    public boolean firstOfRound() {
        return firstOfRound;
    }
}
