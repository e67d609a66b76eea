package io.croupier.app.grid;

import io.croupier.audit.AuditReport;
import io.croupier.audit.LedgerAudit;
import io.croupier.roulette.RouletteTables;
import io.croupier.roulette.TableRound;
import io.croupier.roulette.TableState;
import java.util.List;
import org.apache.ignite.Ignite;

/** Read-only questions about the grid, so the rest of the app server needs no Ignite API. */
public final class GridStatus {
    private final Ignite ignite;

    GridStatus(Ignite ignite) {
        this.ignite = ignite;
    }

    /** What the cluster looks like from this node. */
    public record Cluster(int serverNodes, String state) {
    }

    public Cluster cluster() {
        return new Cluster(ignite.cluster().forServers().nodes().size(), ignite.cluster().state().name());
    }

    /** A roulette table as the status page shows it: its current round, and the last result drawn. */
    public record Table(String tableId, String name, String currency, long round, String status, Long closesAt,
                        String seedHash, Integer lastNumber) {
    }

    /** The roulette tables on the grid, each with its current round (tables are rows, so any app server sees them). */
    public List<Table> tables() {
        RouletteTables tables = new RouletteTables(ignite);
        List<Table> result = new java.util.ArrayList<>();
        for (TableState t : tables.tables()) {
            TableRound current = t.currentRound() == 0 ? null : tables.round(t.tableId(), t.currentRound());
            TableRound previous = t.currentRound() <= 1 ? null : tables.round(t.tableId(), t.currentRound() - 1);
            Integer last = current != null && current.result() >= 0 ? Integer.valueOf(current.result())
                    : previous != null && previous.result() >= 0 ? Integer.valueOf(previous.result()) : null;
            result.add(new Table(t.tableId(), t.name(), t.currency(), t.currentRound(),
                    current == null ? null : current.status().name(),
                    current == null ? null : current.closesAt().getTime(),
                    current == null ? null : current.seedHash(), last));
        }
        return result;
    }

    /**
     * Checks every wallet against its ledger, on every server node over the data it owns. Reads the whole ledger:
     * cost grows with the data, so it is for operators and the demo page, not for a player's request path.
     */
    public AuditReport audit() {
        return LedgerAudit.run(ignite);
    }
}
