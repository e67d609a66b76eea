package io.croupier.slots;

/**
 * One winning payline of a spin.
 *
 * @param line       index of the payline in the game definition (0-based)
 * @param symbol     the symbol paid (a LINE symbol, or the WILD when a pure run of wilds pays more)
 * @param count      how many reels from the left the paid run covers (3, 4 or 5)
 * @param multiplier paytable multiplier of the line stake
 * @param amount     the win in minor units: multiplier × line stake
 */
public record LineWin(int line, String symbol, int count, long multiplier, long amount) {
}
