package io.croupier.wallet;

import io.croupier.fair.PlayerSeeds;
import io.croupier.schema.CacheSchema;
import io.croupier.slots.RoundKey;
import io.croupier.slots.SlotCatalog;
import io.croupier.slots.SlotPlay;
import io.croupier.slots.SlotRound;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;

/**
 * The money transaction itself: applies a group of operations in one OPTIMISTIC SERIALIZABLE transaction.
 * Each operation is validated and made idempotent on its own; a rejected one writes nothing and does not affect
 * its neighbours, which see the effects of the operations applied before them in the same group.
 *
 * <p>Why optimistic: a group runs on the commit lane that owns its partitions on this node, so in steady state
 * nothing else writes its keys and a lock taken at read time only costs (measured: about 30 % of throughput).
 * SERIALIZABLE makes the commit fail if anything read was changed meanwhile (another node during a topology change,
 * an administrator's correction); the caller then retries the group with the same keys, which is safe because every
 * operation is idempotent. Keys are read and written in one global order (transfer records, wallets, ledger; each
 * sorted) and writes are buffered and flushed with one putAll per cache.
 */
public final class MoneyTransactions {
    private final Ignite ignite;
    private final IgniteCache<Long, Wallet> wallets;
    private final IgniteCache<TransferKey, TransferRecord> transfers;
    private final IgniteCache<LedgerKey, LedgerEntry> ledger;
    private final IgniteCache<Long, PlayerSeeds> seeds;
    private final IgniteCache<RoundKey, SlotRound> rounds;
    private final SlotCatalog slots;
    private final MoneyLimits limits;
    private final PlayPolicy playPolicy;
    private final Clock clock;
    private final long txTimeoutMs;

    public MoneyTransactions(Ignite ignite, MoneyLimits limits, PlayPolicy playPolicy, SlotCatalog slots, Clock clock,
                             long txTimeoutMs) {
        this.ignite = ignite;
        this.seeds = ignite.cache(CacheSchema.PLAYER_SEED);
        this.rounds = ignite.cache(CacheSchema.ROUND);
        this.slots = slots;
        this.wallets = ignite.cache(CacheSchema.WALLET);
        this.transfers = ignite.cache(CacheSchema.TRANSFER);
        this.ledger = ignite.cache(CacheSchema.LEDGER);
        this.limits = limits;
        this.playPolicy = playPolicy;
        this.clock = clock;
        this.txTimeoutMs = txTimeoutMs;
    }

    /** Opens a transaction, applies all requests in it and commits. Throws when the transaction fails as a whole. */
    public MoneyResult[] applyInOneTransaction(List<MoneyRequest> requests) {
        try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.OPTIMISTIC,
                TransactionIsolation.SERIALIZABLE, txTimeoutMs, requests.size() * 6)) {
            MoneyResult[] results = applyInTx(requests);
            tx.commit();
            return results;
        }
    }

    /** Applies the requests inside the caller's transaction, so money operations compose with game state. */
    public MoneyResult[] applyInTx(List<MoneyRequest> requests) {
        TreeSet<TransferKey> transferKeys = new TreeSet<>();
        TreeSet<Long> walletKeys = new TreeSet<>();
        TreeSet<Long> seedKeys = new TreeSet<>();
        for (MoneyRequest r : requests) {
            if (r.kind() == OperationKind.SPIN) {
                seedKeys.add(r.playerId());
            }
            transferKeys.add(new TransferKey(r.playerId(), r.idempotencyKey()));
            if (r.kind() == OperationKind.VOID) {
                transferKeys.add(new TransferKey(r.playerId(), r.reference()));
            }
            walletKeys.add(r.playerId());
        }
        Group group = new Group(new HashMap<>(transfers.getAll(transferKeys)),
                new HashMap<>(wallets.getAll(walletKeys)),
                seedKeys.isEmpty() ? new HashMap<>() : new HashMap<>(seeds.getAll(seedKeys)),
                new Timestamp(clock.millis()));
        MoneyResult[] results = new MoneyResult[requests.size()];
        for (int i = 0; i < results.length; i++) {
            results[i] = applyOne(requests.get(i), group);
        }
        if (!group.walletWrites.isEmpty()) {
            wallets.putAll(group.walletWrites);
            transfers.putAll(group.transferWrites);
            ledger.putAll(group.ledgerWrites);
        }
        if (!group.seedWrites.isEmpty()) {
            seeds.putAll(group.seedWrites);
        }
        if (!group.roundWrites.isEmpty()) {
            rounds.putAll(group.roundWrites);
        }
        return results;
    }

    private MoneyResult applyOne(MoneyRequest r, Group g) {
        TransferKey key = new TransferKey(r.playerId(), r.idempotencyKey());
        TransferRecord prior = g.records.get(key);
        if (prior != null) {
            if (!r.sameRequestAs(prior)) {
                return MoneyResult.rejected(ResultCode.DUPLICATE_KEY_DIFFERENT_REQUEST);
            }
            return r.kind() == OperationKind.SPIN
                    ? MoneyResult.replayOf(prior, roundOf(prior, r, g))
                    : MoneyResult.replayOf(prior);
        }
        Wallet wallet = g.wallets.get(r.playerId());
        if (wallet == null) {
            return MoneyResult.rejected(ResultCode.UNKNOWN_PLAYER);
        }
        if (r.kind() == OperationKind.VOID) {
            return applyVoid(r, key, wallet, g);
        }
        if (!wallet.currency().equals(r.currency())) {
            return MoneyResult.rejected(ResultCode.CURRENCY_MISMATCH);
        }
        if (r.kind() == OperationKind.BET || r.kind() == OperationKind.BET_AND_WIN || r.kind() == OperationKind.SPIN) {
            ResultCode refusal = playPolicy.check(r, wallet);
            if (refusal != null) {
                return MoneyResult.rejected(refusal);
            }
        }
        if (r.kind() == OperationKind.DEPOSIT || r.kind() == OperationKind.WITHDRAW) {
            ResultCode refusal = playPolicy.checkCashier(r, wallet);
            if (refusal != null) {
                return MoneyResult.rejected(refusal);
            }
        }
        if (r.kind() == OperationKind.SPIN) {
            return applySpin(r, key, wallet, g);
        }
        Postings postings = new Postings(r.playerId(), transferId(key), wallet, g.now);
        ResultCode rejection = switch (r.kind()) {
            case DEPOSIT -> postings.leg(r.amount(), Account.HOUSE_CASHIER, PostingKind.DEPOSIT);
            case WITHDRAW -> postings.leg(-r.amount(), Account.HOUSE_CASHIER, PostingKind.WITHDRAWAL);
            case BET -> postings.leg(-r.amount(), Account.HOUSE_BETS, PostingKind.BET);
            case WIN -> postings.leg(r.amount(), Account.HOUSE_BETS, PostingKind.WIN);
            case BET_AND_WIN -> postings.leg(-r.amount(), Account.HOUSE_BETS, PostingKind.BET);
            case ADJUST_CREDIT -> postings.leg(r.amount(), Account.HOUSE_ADJUSTMENTS, PostingKind.ADJUSTMENT);
            case ADJUST_DEBIT -> postings.leg(-r.amount(), Account.HOUSE_ADJUSTMENTS, PostingKind.ADJUSTMENT);
            case VOID, SPIN -> throw new IllegalStateException("handled above");
        };
        if (rejection == null && r.kind() == OperationKind.BET_AND_WIN && r.winAmount() > 0) {
            rejection = postings.leg(r.winAmount(), Account.HOUSE_BETS, PostingKind.WIN);
        }
        return rejection != null ? MoneyResult.rejected(rejection)
                : commitPostings(r, key, wallet, postings, r.amount(), r.winAmount(), g);
    }

    /**
     * A slot round: game and stake limits, stake leg (the balance must cover it before anything is drawn), the
     * outcome from the player's seeds at their current nonce, win leg, round record, nonce + 1.
     */
    private MoneyResult applySpin(MoneyRequest r, TransferKey key, Wallet wallet, Group g) {
        if (!slots.has(r.reference())) {
            return MoneyResult.rejected(ResultCode.UNKNOWN_GAME);
        }
        if (!slots.stakeAllowed(r.reference(), r.amount())) {
            return MoneyResult.rejected(ResultCode.INVALID_STAKE);
        }
        Postings postings = new Postings(r.playerId(), transferId(key), wallet, g.now);
        ResultCode rejection = postings.leg(-r.amount(), Account.HOUSE_BETS, PostingKind.BET);
        if (rejection != null) {
            return MoneyResult.rejected(rejection);
        }
        PlayerSeeds playerSeeds = g.seeds.get(r.playerId());
        if (playerSeeds == null) {
            // First round of this player: commit to a fresh server seed now; its hash is in the round record.
            playerSeeds = PlayerSeeds.fresh(r.playerId(), null, g.now);
        }
        SlotPlay play = slots.play(r.reference(), playerSeeds.randomForNextRound(), r.amount());
        if (play.win() > 0) {
            rejection = postings.leg(play.win(), Account.HOUSE_BETS, PostingKind.WIN);
            if (rejection != null) {
                return MoneyResult.rejected(rejection);
            }
        }
        SlotRound round = new SlotRound(postings.transferId, r.playerId(), r.reference(), r.idempotencyKey(),
                r.amount(), play.win(), wallet.currency(), play.stops(), play.symbols(), wallet.balance(),
                postings.balance, playerSeeds.serverSeedHash(), playerSeeds.clientSeed(), playerSeeds.nextNonce(),
                g.now);
        PlayerSeeds next = playerSeeds.withNextNonce();
        g.seeds.put(r.playerId(), next);
        g.seedWrites.put(r.playerId(), next);
        g.roundWrites.put(round.key(), round);
        commitPostings(r, key, wallet, postings, r.amount(), play.win(), g);
        return MoneyResult.spun(round);
    }

    /** The round of a replayed spin: written in this group (same key twice) or read from the grid. */
    private SlotRound roundOf(TransferRecord prior, MoneyRequest r, Group g) {
        RoundKey roundKey = new RoundKey(prior.transferId(), r.playerId());
        SlotRound round = g.roundWrites.get(roundKey);
        return round != null ? round : rounds.get(roundKey);
    }

    private MoneyResult applyVoid(MoneyRequest r, TransferKey key, Wallet wallet, Group g) {
        TransferKey betKey = new TransferKey(r.playerId(), r.reference());
        TransferRecord bet = g.records.get(betKey);
        if (bet == null || bet.kind() != OperationKind.BET) {
            return MoneyResult.rejected(ResultCode.UNKNOWN_BET);
        }
        if (bet.voidedBy() != null) {
            return MoneyResult.rejected(ResultCode.ALREADY_VOIDED);
        }
        if (!bet.currency().equals(wallet.currency())) {
            return MoneyResult.rejected(ResultCode.CURRENCY_MISMATCH);
        }
        Postings postings = new Postings(r.playerId(), transferId(key), wallet, g.now);
        ResultCode rejection = postings.leg(bet.amount(), Account.HOUSE_BETS, PostingKind.VOID);
        if (rejection != null) {
            return MoneyResult.rejected(rejection);
        }
        TransferRecord voided = bet.voidedBy(r.idempotencyKey());
        g.records.put(betKey, voided);
        g.transferWrites.put(betKey, voided);
        return commitPostings(r, key, wallet, postings, bet.amount(), 0, g);
    }

    private MoneyResult commitPostings(MoneyRequest r, TransferKey key, Wallet wallet, Postings postings,
                                       long amount, long winAmount, Group g) {
        long balance = postings.balance;
        // The policies' state rides in the wallet row: what they return is what the transaction writes.
        Wallet updated = playPolicy.applied(r, wallet.withBalance(balance, g.now), amount, winAmount);
        TransferRecord record = new TransferRecord(postings.transferId, r, amount, winAmount, wallet.currency(),
                balance, g.now, null);
        g.wallets.put(r.playerId(), updated);
        g.walletWrites.put(r.playerId(), updated);
        g.records.put(key, record);
        g.transferWrites.put(key, record);
        g.ledgerWrites.putAll(postings.rows);
        return MoneyResult.applied(postings.transferId, balance, wallet.currency());
    }

    /** Same (player, key) → same id, so a transfer id names the operation, also across retries. */
    static UUID transferId(TransferKey key) {
        return UUID.nameUUIDFromBytes((key.playerId() + "/" + key.idempotencyKey()).getBytes(StandardCharsets.UTF_8));
    }

    /** State of one group: what was read under lock, updated as operations apply, and the buffered writes. */
    private static final class Group {
        final Map<TransferKey, TransferRecord> records;
        final Map<Long, Wallet> wallets;
        final Map<Long, PlayerSeeds> seeds;
        final Timestamp now;
        final TreeMap<Long, Wallet> walletWrites = new TreeMap<>();
        final TreeMap<TransferKey, TransferRecord> transferWrites = new TreeMap<>();
        final TreeMap<LedgerKey, LedgerEntry> ledgerWrites = new TreeMap<>();
        final TreeMap<Long, PlayerSeeds> seedWrites = new TreeMap<>();
        final TreeMap<RoundKey, SlotRound> roundWrites = new TreeMap<>();

        Group(Map<TransferKey, TransferRecord> records, Map<Long, Wallet> wallets, Map<Long, PlayerSeeds> seeds,
              Timestamp now) {
            this.records = records;
            this.wallets = wallets;
            this.seeds = seeds;
            this.now = now;
        }
    }

    /** The balanced legs of one transfer; each leg posts +x on one side and −x on the other. */
    private final class Postings {
        final long playerId;
        final UUID transferId;
        final String currency;
        final Timestamp now;
        final Map<LedgerKey, LedgerEntry> rows = new HashMap<>(8);
        /** Running wallet balance after the legs posted so far. */
        long balance;

        Postings(long playerId, UUID transferId, Wallet wallet, Timestamp now) {
            this.playerId = playerId;
            this.transferId = transferId;
            this.currency = wallet.currency();
            this.now = now;
            this.balance = wallet.balance();
        }

        /**
         * Posts {@code walletAmount} to the wallet and its negation to {@code house}. The balance is checked after
         * every leg, so a stake must be covered before a win of the same round is credited.
         */
        ResultCode leg(long walletAmount, Account house, PostingKind kind) {
            long next;
            try {
                next = Math.addExact(balance, walletAmount);
            } catch (ArithmeticException overflow) {
                return ResultCode.BALANCE_LIMIT_EXCEEDED;
            }
            if (next < 0) {
                return ResultCode.INSUFFICIENT_FUNDS;
            }
            if (next > limits.balanceMinorMax()) {
                return ResultCode.BALANCE_LIMIT_EXCEEDED;
            }
            balance = next;
            int posting = rows.size();
            rows.put(new LedgerKey(transferId, posting, playerId),
                    new LedgerEntry(Account.WALLET, walletAmount, currency, kind, now));
            rows.put(new LedgerKey(transferId, posting + 1, playerId),
                    new LedgerEntry(house, -walletAmount, currency, kind, now));
            return null;
        }
    }
}
