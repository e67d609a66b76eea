package io.croupier.roulette;

/** A table bet is PLACED, then SETTLED (paid or lost) or REFUNDED (its round could not be completed). */
public enum BetStatus { PLACED, SETTLED, REFUNDED }
