package io.croupier.roulette;

import java.io.Serializable;

/** One bet as a player asked for it: kind name, numbers (may be empty for outside bets), stake in minor units. */
public final class BetSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final int[] selection;
    private final long stake;

    public BetSpec(String kind, int[] selection, long stake) {
        this.kind = kind;
        this.selection = selection == null ? new int[0] : selection.clone();
        this.stake = stake;
    }

    public String kind() {
        return kind;
    }

    public int[] selection() {
        return selection.clone();
    }

    public long stake() {
        return stake;
    }
}
