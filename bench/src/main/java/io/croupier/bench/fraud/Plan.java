package io.croupier.bench.fraud;

import java.util.List;

/**
 * What one simulated player will do, decided up front from the seed: who they are (kind null = ordinary), the
 * device fingerprint and address they connect from, when they start, and their steps in order.
 */
record Plan(int index, String username, FraudKind kind, String device, String address, long startDelayMs,
            List<Step> steps) {

    /** One thing a player does; each is a request (or a series of them) over the player's own connection. */
    sealed interface Step permits Deposit, WithdrawAll, Spins, TableRounds, ProviderRounds, Pause, Relogin {
    }

    record Deposit(long amountMinor) implements Step {
    }

    /** Reads the balance and withdraws all of it (nothing when it is zero). */
    record WithdrawAll() implements Step {
    }

    /** {@code count} slot spins at one stake, with a think time drawn uniformly between the bounds. */
    record Spins(String game, long stakeMinor, int count, long thinkMsMin, long thinkMsMax) implements Step {
    }

    /**
     * Sits at a table and bets on {@code rounds} rounds it opens: {@code betKind} at {@code stakeMinor} every round,
     * or (betKind null) a casual mix of kinds at about that stake. Leaves afterwards.
     */
    record TableRounds(String tableId, int rounds, String betKind, long stakeMinor) implements Step {
    }

    /** Rounds of a third-party provider's game, settled through the wallet's BET_AND_WIN (not over WebSocket). */
    record ProviderRounds(ProviderGame game, long stakeMinor, int count, long thinkMsMin, long thinkMsMax)
            implements Step {
    }

    record Pause(long ms) implements Step {
    }

    /** Closes the connection and logs in again on a new one, from {@code device}. */
    record Relogin(String device) implements Step {
    }

    /** The plan in a line, for a reviewer: "deposit 5000; 40 spins of 50 on classic-fruits; 12 rounds RED 50 at sim-1". */
    String describe() {
        List<String> parts = new java.util.ArrayList<>();
        for (Step s : steps) {
            if (s instanceof Deposit d) {
                parts.add("deposit " + d.amountMinor());
            } else if (s instanceof WithdrawAll) {
                parts.add("withdraw all");
            } else if (s instanceof Spins sp) {
                parts.add(sp.count() + " spins of " + sp.stakeMinor() + " on " + sp.game());
            } else if (s instanceof TableRounds t) {
                parts.add(t.rounds() + " rounds " + (t.betKind() == null ? "mixed" : t.betKind()) + " " + t.stakeMinor()
                        + " at " + t.tableId());
            } else if (s instanceof ProviderRounds p) {
                parts.add(p.count() + " rounds of " + p.stakeMinor() + " on " + p.game().id());
            } else if (s instanceof Pause p) {
                parts.add("pause " + p.ms() + " ms");
            } else if (s instanceof Relogin r) {
                parts.add(r.device().equals(device) ? "login again" : "login again from another device");
            }
        }
        return String.join("; ", parts);
    }

    /** Total stakes this plan will wager on slots (table and provider rounds not counted). */
    long slotWagerMinor() {
        return steps.stream().filter(s -> s instanceof Spins).mapToLong(s -> ((Spins) s).stakeMinor()
                * ((Spins) s).count()).sum();
    }

    long depositsMinor() {
        return steps.stream().filter(s -> s instanceof Deposit).mapToLong(s -> ((Deposit) s).amountMinor()).sum();
    }
}
