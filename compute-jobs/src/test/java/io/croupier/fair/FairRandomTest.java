package io.croupier.fair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class FairRandomTest {
    private static final int DRAWS = 100_000;

    /**
     * Upper 1 % points of the chi-square distribution (reject uniformity above them at the 99 % level), by degrees
     * of freedom. df 6, 29 and 36: standard chi-square table (NIST/SEMATECH e-Handbook of Statistical Methods,
     * 1.3.6.7.4, "Critical values of the chi-square distribution", column 0.99). df 999 lies beyond that table: the
     * Wilson–Hilferty approximation k·(1 − 2/9k + 2.3263·√(2/9k))³, which gives 1106.974 for df 1000 against the
     * tabulated 1106.969.
     */
    private static final Map<Integer, Double> CHI_SQUARE_99 = Map.of(
            6, 16.812,
            29, 49.588,
            36, 58.619,
            999, 1105.92);

    @Test
    void drawsAreUniformByChiSquareAtTheNinetyNinePercentLevel() {
        byte[] serverSeed = "chi-square test seed".getBytes(StandardCharsets.UTF_8);
        for (int bound : new int[] {37, 30, 7, 1000}) {
            FairRandom random = new FairRandom(serverSeed, "uniformity", bound);
            long[] counts = new long[bound];
            for (int i = 0; i < DRAWS; i++) {
                counts[random.nextInt(bound)]++;
            }
            double expected = (double) DRAWS / bound;
            double chiSquare = 0;
            for (long count : counts) {
                chiSquare += (count - expected) * (count - expected) / expected;
            }
            System.out.printf("bound %d: chi-square %.2f (99%% critical value %.3f)%n", bound, chiSquare,
                    CHI_SQUARE_99.get(bound - 1));

            assertThat(chiSquare).as("chi-square for bound %d", bound).isLessThan(CHI_SQUARE_99.get(bound - 1));
        }
    }

    @Test
    void theStreamIsHmacSha256OfClientSeedNonceAndCursorWithRejectionSampling() throws Exception {
        byte[] serverSeed = HexFormat.of().parseHex("a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00");
        String clientSeed = "lucky player";
        long nonce = 7;
        // Around 30 % of 32-bit values fall in the rejected tail for this bound, so redraws are exercised.
        int[] bounds = {37, 1_500_000_000, 6, 1_500_000_000, 1000, 2, Integer.MAX_VALUE};

        FairRandom random = new FairRandom(serverSeed, clientSeed, nonce);
        Recomputation expected = new Recomputation(serverSeed, clientSeed, nonce);
        for (int i = 0; i < 60; i++) {
            int bound = bounds[i % bounds.length];
            assertThat(random.nextInt(bound)).as("draw %d", i).isEqualTo(expected.nextInt(bound));
        }
        assertThat(random.bytesUsed()).isEqualTo(expected.bytesUsed);
        assertThat(expected.rejections).isPositive();
    }

    @Test
    void anotherClientSeedOrNonceGivesAnotherStream() {
        byte[] serverSeed = {9, 9, 9};
        int first = new FairRandom(serverSeed, "a", 0).nextInt(Integer.MAX_VALUE);

        assertThat(new FairRandom(serverSeed, "a", 0).nextInt(Integer.MAX_VALUE)).isEqualTo(first);
        assertThat(new FairRandom(serverSeed, "b", 0).nextInt(Integer.MAX_VALUE)).isNotEqualTo(first);
        assertThat(new FairRandom(serverSeed, "a", 1).nextInt(Integer.MAX_VALUE)).isNotEqualTo(first);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> new FairRandom(new byte[0], "c", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FairRandom(new byte[] {1}, "c", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FairRandom(new byte[] {1}, "c", 0).nextInt(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** An independent reading of the published algorithm, written from its description. */
    private static final class Recomputation {
        private final Mac mac;
        private final String clientSeed;
        private final long nonce;
        private ByteBuffer block = ByteBuffer.allocate(0);
        private int cursor;
        long bytesUsed;
        int rejections;

        Recomputation(byte[] serverSeed, String clientSeed, long nonce) throws Exception {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(serverSeed, "HmacSHA256"));
            this.clientSeed = clientSeed;
            this.nonce = nonce;
        }

        int nextInt(int bound) {
            long range = 1L << 32;
            long accepted = range - range % bound;
            while (true) {
                long value = 0;
                for (int i = 0; i < 4; i++) {
                    if (!block.hasRemaining()) {
                        String message = clientSeed + ":" + nonce + ":" + cursor++;
                        block = ByteBuffer.wrap(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
                    }
                    value = value << 8 | Byte.toUnsignedLong(block.get());
                    bytesUsed++;
                }
                if (value < accepted) {
                    return (int) (value % bound);
                }
                rejections++;
            }
        }
    }
}
