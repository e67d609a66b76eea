package io.croupier.player;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * Value of the SEAT cache (key: player id): the roulette table a player sits at. It lives in the grid, so a player
 * who reconnects to any app server is seated again. SQL: CROUPIER.SEAT.
 */
public final class Seat implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String tableId;
    private final Timestamp joinedAt;

    public Seat(String tableId, Timestamp joinedAt) {
        this.tableId = tableId;
        this.joinedAt = joinedAt;
    }

    public String tableId() {
        return tableId;
    }

    public Timestamp joinedAt() {
        return joinedAt;
    }
}
