package io.croupier.roulette;

import io.croupier.check.Check;
import io.croupier.fair.FairRandom;
import io.croupier.fair.Seeds;

/**
 * A table's hash chain of round seeds. From a secret origin, seed(N) = origin and seed(k − 1) = SHA-256(seed(k)),
 * so the chain is fixed in advance and committed to by {@code commitment} = SHA-256(seed(1)). Round k of the chain
 * uses seed(k); once revealed, SHA-256(seed(k)) equals the seed revealed by round k − 1 (or the commitment for
 * k = 1), which proves the seed was not chosen after the bets.
 */
public final class SeedChain {
    public static final int DEFAULT_LENGTH = 10_000;
    public static final int WHEEL_NUMBERS = 37;

    private final byte[] origin;
    private final int length;

    private SeedChain(byte[] origin, int length) {
        Check.argument(origin.length == Seeds.SERVER_SEED_BYTES, "chain origin must be 32 bytes");
        Check.argument(length > 0, "chain length must be > 0");
        this.origin = origin.clone();
        this.length = length;
    }

    public static SeedChain fresh(int length) {
        return new SeedChain(Seeds.newServerSeed(), length);
    }

    static SeedChain of(String originHex, int length) {
        return new SeedChain(Seeds.fromHex(originHex), length);
    }

    /** seed(k) for k in 1..length. */
    public byte[] seed(int k) {
        Check.argument(k >= 1 && k <= length, "chain index " + k + " outside 1.." + length);
        byte[] s = origin.clone();
        for (int i = length; i > k; i--) {
            s = Seeds.sha256(s);
        }
        return s;
    }

    public String commitment() {
        return Seeds.hex(Seeds.sha256(seed(1)));
    }

    String originHex() {
        return Seeds.hex(origin);
    }

    int length() {
        return length;
    }

    /**
     * The winning number of a round: FairRandom(seed, clientSeed = table id, nonce = round number).nextInt(37).
     * Public so that a verifier computes exactly what the table did.
     */
    public static int number(byte[] seed, String tableId, long roundNo) {
        return new FairRandom(seed, tableId, roundNo).nextInt(WHEEL_NUMBERS);
    }
}
