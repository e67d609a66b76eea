package io.croupier.bench.edge;

/**
 * Which virtual players spin and which bet at the table: {@code spinShare} and {@code betShare} are each the fraction
 * of players doing it (a player may do both), spread evenly over the player indexes so any prefix of players (a
 * ramp-up) has the same mix. Exactly {@code floor(players × share)} of players {@code 0..players-1} are chosen.
 */
record PlayerMix(double spinShare, double betShare) {
    PlayerMix {
        if (!(spinShare >= 0 && spinShare <= 1 && betShare >= 0 && betShare <= 1)) {
            throw new IllegalArgumentException("--spin-share and --bet-share must be in 0..1");
        }
        if (spinShare == 0 && betShare == 0) {
            throw new IllegalArgumentException("--spin-share and --bet-share are both 0: the players would do nothing");
        }
    }

    boolean spins(int player) {
        return chosen(player, spinShare);
    }

    boolean bets(int player) {
        return chosen(player, betShare);
    }

    /** Player i is chosen when the running count floor((i + 1) × share) steps up at i. */
    static boolean chosen(int player, double share) {
        return Math.floor((player + 1) * share + 1e-9) > Math.floor(player * share + 1e-9);
    }
}
