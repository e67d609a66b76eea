package io.croupier.node;

import io.croupier.fair.Seeds;
import io.croupier.roulette.RouletteWheel;
import io.croupier.roulette.SeedChain;
import java.io.PrintWriter;

/**
 * A roulette table round recomputed from its revealed seed: the winning number exactly as the table drew it
 * ({@link SeedChain#number}), the seed's commitment, and its place in the table's hash chain.
 */
record TableRoundReplay(String tableId, long roundNo, byte[] seed, int number) {

    /**
     * What the seed is checked against in the chain: SHA-256 applied {@code hashes} times to this round's seed must
     * give {@code expected}: the seed of round {@code roundNo − hashes}, or the chain commitment.
     *
     * @param description what {@code expected} is, for the reader ("the seed of round 6")
     */
    record Link(String description, int hashes, String expected) {
        static Link previousSeed(long roundNo, String previousSeedHex) {
            return new Link("the seed of round " + (roundNo - 1), 1, previousSeedHex);
        }

        static Link chainCommitment(String commitment) {
            return new Link("the chain commitment (first round of the chain)", 1, commitment);
        }
    }

    static TableRoundReplay of(String tableId, long roundNo, String seedHex) {
        if (roundNo < 1) {
            throw new IllegalArgumentException("round number must be >= 1, was " + roundNo);
        }
        byte[] seed = Seeds.fromHex(seedHex.trim());
        return new TableRoundReplay(tableId, roundNo, seed, SeedChain.number(seed, tableId, roundNo));
    }

    String seedHash() {
        return Seeds.commitment(seed);
    }

    /** SHA-256 applied {@code times} times to the seed, in hex. */
    String hashed(int times) {
        byte[] value = seed;
        for (int i = 0; i < times; i++) {
            value = Seeds.sha256(value);
        }
        return Seeds.hex(value);
    }

    /** Compares with the published values; a null expectation (or link) is not compared. */
    Comparison compare(String expectedSeedHash, Link link, Integer expectedNumber) {
        return new Comparison()
                .expect("seed hash", seedHash(), SlotReplay.hex(expectedSeedHash))
                .expect("chain link", link == null ? "" : hashed(link.hashes()), link == null ? null
                        : SlotReplay.hex(link.expected()))
                .expect("number", Integer.toString(number), expectedNumber == null ? null : expectedNumber.toString());
    }

    void print(PrintWriter out, Link link) {
        out.printf("table           %s, round %d%n", tableId, roundNo);
        out.printf("seed            sha256 = %s%n", seedHash());
        out.printf("number          %d %s%n", number, RouletteWheel.color(number));
        if (link != null) {
            out.printf("chain link      sha256%s(seed) against %s%n", link.hashes() == 1 ? "" : "^" + link.hashes(),
                    link.description());
        }
        out.flush();
    }
}
