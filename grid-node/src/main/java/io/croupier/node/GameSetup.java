package io.croupier.node;

import io.croupier.roulette.RouletteTables;
import io.croupier.roulette.TableConfig;
import io.croupier.schema.CacheSchema;
import io.croupier.slots.SlotCatalog;
import io.croupier.slots.SlotGame;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The games a server node offers: the slot catalog its commit lanes use, and the roulette tables from config,
 * deployed once the cluster is active. Every server deploys the same tables; Ignite keeps one driver per table.
 */
final class GameSetup {
    private static final Logger log = LoggerFactory.getLogger(GameSetup.class);

    private GameSetup() {
    }

    /** Loads the slot games (refusing to start on an invalid definition). */
    static SlotCatalog slots(NodeSettings settings) {
        SlotCatalog catalog = SlotCatalog.loadDirectory(settings.slotsDirectory());
        log.info("Slot games from {}: {}", settings.slotsDirectory(), catalog.games().keySet());
        return catalog;
    }

    /**
     * Validates the table file now; once the cluster is active, publishes the slot games to SLOT_GAME (for reports)
     * and deploys the tables, in the background.
     */
    static void startGames(Ignite ignite, NodeSettings settings, SlotCatalog slots) {
        List<TableConfig> tables = TableConfig.load(settings.tablesFile());
        if (tables.isEmpty() && slots.games().isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                while (ignite.cluster().state() != ClusterState.ACTIVE) {
                    GridNodes.sleep(200);
                }
                Map<String, SlotGame> rows = new TreeMap<>();
                slots.games().forEach((id, definition) -> rows.put(id, SlotGame.of(definition)));
                ignite.<String, SlotGame>cache(CacheSchema.SLOT_GAME).putAll(rows);
                if (!tables.isEmpty()) {
                    new RouletteTables(ignite).deploy(tables, settings.tableDriverSettings());
                }
            } catch (RuntimeException e) {
                log.error("Could not publish the games or deploy the roulette tables of {}", settings.tablesFile(), e);
            }
        }, "croupier-games");
        t.setDaemon(true);
        t.start();
    }
}
