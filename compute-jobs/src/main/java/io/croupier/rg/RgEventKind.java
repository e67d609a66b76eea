package io.croupier.rg;

/** What an RG_EVENT row records (RG_EVENT.KIND). */
public enum RgEventKind {
    /** A limit set, lowered, or a pending loosening withdrawn: in force at once. */
    LIMIT_SET,
    /** A limit raised or removed: pending, in force 24 hours later. */
    LIMIT_INCREASE_PENDING,
    /** A pending loosening came into force (recorded at the player's next limits request after its time). */
    LIMIT_APPLIED,
    /** A deposit or stake was refused by a limit (at most one row per limit and period). */
    LIMIT_REACHED,
    /** The player self-excluded (6 months, 1 year, 5 years or permanently). */
    SELF_EXCLUDED,
    /** The player took a time-out (24 hours, 7 or 30 days). */
    TIME_OUT,
    /** Too many declined deposits: deposits locked until the window passes. */
    DEPOSITS_LOCKED,
    /** An administrator set a limit or cleared a deposit lock (the reason is in ADMIN_ACTION). */
    ADMIN_OVERRIDE
}
