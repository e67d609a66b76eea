package io.croupier.slots;

/** What a symbol does on the reels. */
public enum SymbolKind {
    /** Pays for 3, 4 or 5 of a kind on a payline, counted from the leftmost reel. */
    LINE,
    /** Stands in for any LINE symbol on a payline; a run of wilds alone pays its own paytable entry, if it has one. */
    WILD,
    /** Pays by count anywhere in the window, as a multiple of the total stake; never part of a line. */
    SCATTER
}
