package io.croupier.wallet;

import java.io.Serializable;

/**
 * Per-player state a {@link PlayPolicy} keeps between operations (the fraud checks' stake history, the
 * responsible-gambling tally). It lives in the player's {@link Wallet} row, which every money operation reads and
 * writes anyway, so the checks cost no extra row. The wallet does not look inside.
 */
public interface PolicyState extends Serializable {
}
