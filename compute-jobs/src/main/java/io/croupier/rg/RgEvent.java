package io.croupier.rg;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * One responsible-gambling intervention: what happened, to which limit or break, when, and who did it (the player,
 * the system, or an administrator). Value of the RG_EVENT cache; written once, never edited. SQL: CROUPIER.RG_EVENT.
 */
public final class RgEvent implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String PLAYER = "player";
    public static final String SYSTEM = "system";

    private final String kind;
    private final String detail;
    private final String actor;
    private final Timestamp createdAt;

    public RgEvent(RgEventKind kind, String detail, String actor, Timestamp createdAt) {
        this.kind = kind.name();
        this.detail = detail;
        this.actor = actor;
        this.createdAt = createdAt;
    }

    /** The actor of an administrator's action. */
    public static String admin(String name) {
        return "admin:" + name;
    }

    public RgEventKind kind() {
        return RgEventKind.valueOf(kind);
    }

    public String detail() {
        return detail;
    }

    public String actor() {
        return actor;
    }

    public Timestamp createdAt() {
        return createdAt;
    }
}
