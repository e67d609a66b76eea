package io.croupier.slots;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * Value of the SLOT_GAME cache (key: game id): what analysts need to know about a slot game next to its rounds,
 * above all the published return to player that actual play is compared with. Written by every server node at
 * start from the definition files it loaded. SQL: CROUPIER.SLOT_GAME.
 */
public final class SlotGame implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final int lines;
    private final long stakeMin;
    private final long stakeMax;
    private final BigDecimal rtp;

    private SlotGame(String name, int lines, long stakeMin, long stakeMax, BigDecimal rtp) {
        this.name = name;
        this.lines = lines;
        this.stakeMin = stakeMin;
        this.stakeMax = stakeMax;
        this.rtp = rtp;
    }

    /** The row of a loaded definition; RTP is null when the file states none. */
    public static SlotGame of(SlotDefinition definition) {
        return new SlotGame(definition.name(), definition.lineCount(), definition.stakeMin(), definition.stakeMax(),
                definition.publishedRtp().orElse(null));
    }

    public String name() {
        return name;
    }

    public BigDecimal rtp() {
        return rtp;
    }
}
