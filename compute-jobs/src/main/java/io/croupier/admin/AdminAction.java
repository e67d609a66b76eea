package io.croupier.admin;

import java.io.Serializable;
import java.sql.Timestamp;
import java.util.UUID;

/**
 * Value of the ADMIN_ACTION cache: who did what to a player, when and why, and what came of it. Written once per
 * action key; never edited. SQL: CROUPIER.ADMIN_ACTION.
 */
public final class AdminAction implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String admin;
    private final String action;
    private final String reason;
    private final long amount;
    private final String currency;
    private final UUID transferId;
    private final String result;
    private final String statusBefore;
    private final String statusAfter;
    private final Timestamp createdAt;

    AdminAction(String admin, AdminActionKind action, String reason, long amount, String currency, UUID transferId,
                String result, String statusBefore, String statusAfter, Timestamp createdAt) {
        this.admin = admin;
        this.action = action.name();
        this.reason = reason;
        this.amount = amount;
        this.currency = currency;
        this.transferId = transferId;
        this.result = result;
        this.statusBefore = statusBefore;
        this.statusAfter = statusAfter;
        this.createdAt = createdAt;
    }

    public String admin() {
        return admin;
    }

    public AdminActionKind action() {
        return AdminActionKind.valueOf(action);
    }

    public String reason() {
        return reason;
    }

    public long amount() {
        return amount;
    }

    public UUID transferId() {
        return transferId;
    }

    public String result() {
        return result;
    }

    public String statusBefore() {
        return statusBefore;
    }

    public String statusAfter() {
        return statusAfter;
    }

    public Timestamp createdAt() {
        return createdAt;
    }
}
