package io.croupier.roulette;

import io.croupier.check.Check;
import java.io.Serializable;

/**
 * How table drivers run.
 *
 * @param chainLength          rounds per seed chain (a new chain, with a new public commitment, after that)
 * @param resumeWindowMs       an OPEN round found more than this long past its closing time after a failover is
 *                             refunded instead of completed: its players were promised a result long ago
 * @param roundPauseMs         pause after a settled round before the next opens (players see the result)
 * @param settleChunkOperations payouts in flight at once during settlement (bounds the load a round puts on the
 *                             money pipeline)
 */
public record TableDriverSettings(int chainLength, long resumeWindowMs, long roundPauseMs, int settleChunkOperations)
        implements Serializable {
    public TableDriverSettings {
        Check.argument(chainLength >= 1 && chainLength <= 1_000_000, "chainLength must be in 1..1000000");
        Check.argument(resumeWindowMs >= 0, "resumeWindowMs must be >= 0");
        Check.argument(roundPauseMs >= 0, "roundPauseMs must be >= 0");
        Check.argument(settleChunkOperations >= 1 && settleChunkOperations <= 100_000,
                "settleChunkOperations must be in 1..100000");
    }

    public static TableDriverSettings defaults() {
        return new TableDriverSettings(SeedChain.DEFAULT_LENGTH, 60_000, 3_000, 2_000);
    }
}
