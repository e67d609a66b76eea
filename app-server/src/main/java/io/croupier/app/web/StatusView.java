package io.croupier.app.web;

import io.croupier.app.demo.DemoPlayer;
import io.croupier.app.grid.GridStatus;
import io.croupier.audit.AuditReport;
import io.croupier.wallet.WalletService;
import java.util.List;
import org.springframework.stereotype.Component;

/** Assembles the body of {@code GET /api/status}: cluster, demo player, roulette tables, ledger audit. */
@Component
class StatusView {
    private final GridStatus grid;
    private final DemoPlayer demoPlayer;
    private final WalletService wallets;

    StatusView(GridStatus grid, DemoPlayer demoPlayer, WalletService wallets) {
        this.grid = grid;
        this.demoPlayer = demoPlayer;
        this.wallets = wallets;
    }

    /** {@code demoPlayer} is null while the demo player does not exist (demo disabled, or still being opened). */
    record Status(GridStatus.Cluster cluster, DemoPlayerBalance demoPlayer, List<GridStatus.Table> tables,
                  Audit audit) {
    }

    /** Balance in minor units of {@code currency} (cents for EUR). */
    record DemoPlayerBalance(long playerId, long balance, String currency) {
    }

    /** {@code ledgerSum} must be 0: every transfer's rows sum to zero. */
    record Audit(boolean clean, long wallets, long ledgerRows, long ledgerSum) {
    }

    Status current() {
        DemoPlayerBalance demo = demoPlayer.playerId().stream().boxed()
                .flatMap(id -> wallets.wallet(id).stream()
                        .map(w -> new DemoPlayerBalance(id, w.balance(), w.currency())))
                .findFirst().orElse(null);
        AuditReport report = grid.audit();
        return new Status(grid.cluster(), demo, grid.tables(),
                new Audit(report.isClean(), report.wallets(), report.ledgerRows(), report.ledgerSum()));
    }
}
