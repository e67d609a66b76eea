package io.croupier.slots;

/** What a spin drew, as recorded: the win in minor units, the reel stops and the visible window (see SlotRound). */
public record SlotPlay(long win, String stops, String symbols) {
}
