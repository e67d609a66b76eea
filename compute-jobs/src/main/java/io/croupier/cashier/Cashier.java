package io.croupier.cashier;

import io.croupier.rg.RgResult;
import io.croupier.rg.ResponsibleGambling;
import io.croupier.schema.CacheSchema;
import io.croupier.wallet.MoneyLimits;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.OperationKind;
import io.croupier.wallet.RequestValidation;
import io.croupier.wallet.ResultCode;
import io.croupier.wallet.TransferKey;
import io.croupier.wallet.WalletService;
import java.util.concurrent.CompletableFuture;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;

/**
 * Where a player's deposit enters: 1. shape (RequestValidation) 2. a key already applied replays without asking the
 * provider again 3. would a limit, a break, the deposit lock or the daily count refuse it? refused without asking the
 * provider 4. the payment provider
 * authorises the token (network: outside any transaction) 5. declined → counted in the player's tally in its own
 * small transaction (and the lock starts after too many) → PAYMENT_DECLINED, no money moved 6. approved → the money
 * pipeline, whose transaction checks the limits and the lock again, authoritatively. Steps 2 and 3 read outside a
 * transaction: they only save a provider call, the money transaction decides.
 */
public final class Cashier {
    private final WalletService wallet;
    private final PaymentGateway gateway;
    private final ResponsibleGambling rg;
    private final MoneyLimits limits;
    private final IgniteCache<TransferKey, Object> transfers;

    public Cashier(Ignite ignite, WalletService wallet, PaymentGateway gateway, MoneyLimits limits) {
        this.wallet = wallet;
        this.gateway = gateway;
        this.rg = new ResponsibleGambling(ignite);
        this.limits = limits;
        this.transfers = ignite.cache(CacheSchema.TRANSFER);
    }

    /** Runs steps 1–5 on the calling thread (it may wait on the provider); the money part completes later. */
    public CompletableFuture<MoneyResult> deposit(MoneyRequest request) {
        if (request.kind() != OperationKind.DEPOSIT) {
            throw new IllegalArgumentException("not a deposit: " + request);
        }
        ResultCode invalid = RequestValidation.check(request, limits);
        if (invalid != null) {
            return CompletableFuture.completedFuture(MoneyResult.rejected(invalid));
        }
        if (transfers.containsKey(new TransferKey(request.playerId(), request.idempotencyKey()))) {
            return wallet.submit(request);
        }
        RgResult early = rg.depositRefusal(request);
        if (early.code() != ResultCode.OK && early.code() != ResultCode.UNAVAILABLE) {
            return CompletableFuture.completedFuture(MoneyResult.rejected(early.code()));
        }
        PaymentGateway.Authorization authorization = gateway.authorize(request.playerId(), request.idempotencyKey(),
                request.reference(), request.amount(), request.currency());
        if (!authorization.approved()) {
            RgResult counted = rg.declinedDeposit(request.playerId());
            return CompletableFuture.completedFuture(MoneyResult.rejected(
                    counted.code() == ResultCode.UNKNOWN_PLAYER ? ResultCode.UNKNOWN_PLAYER : ResultCode.PAYMENT_DECLINED));
        }
        return wallet.submit(request);
    }
}
