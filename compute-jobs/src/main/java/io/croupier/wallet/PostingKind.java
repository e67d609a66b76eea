package io.croupier.wallet;

/** The LEDGER.KIND of a posting. */
public enum PostingKind {
    DEPOSIT, WITHDRAWAL, BET, WIN, VOID, ADJUSTMENT
}
