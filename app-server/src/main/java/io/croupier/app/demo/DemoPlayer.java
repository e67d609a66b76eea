package io.croupier.app.demo;

import io.croupier.app.grid.GridStatus;
import io.croupier.player.Players;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.WalletService;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The demo player: opened with a first deposit when the app starts (if enabled), and found again for the status page. */
@Component
@EnableConfigurationProperties(DemoProperties.class)
public class DemoPlayer implements ApplicationRunner {
    public static final String USERNAME = "demo";
    public static final String CURRENCY = "EUR";
    public static final long INITIAL_DEPOSIT_MINOR = 100_000;
    /** Fixed, so the deposit is applied once however often the app starts (a replay moves nothing). */
    static final String INITIAL_DEPOSIT_KEY = "demo-initial-deposit";
    static final String PAYMENT_TOKEN = "tok_demo";

    private static final Logger log = LoggerFactory.getLogger(DemoPlayer.class);

    private final DemoProperties properties;
    private final GridStatus grid;
    private final Players players;
    private final WalletService wallets;
    private volatile OptionalLong playerId = OptionalLong.empty();

    DemoPlayer(DemoProperties properties, GridStatus grid, Players players, WalletService wallets) {
        this.properties = properties;
        this.grid = grid;
        this.players = players;
        this.wallets = wallets;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.enabled()) {
            ensureExists();
        }
    }

    /** Opens the demo player unless one exists, and makes sure its first deposit is applied; returns its id. */
    long ensureExists() {
        OptionalLong existing = grid.playerIdByUsername(USERNAME);
        long id = existing.isPresent() ? existing.getAsLong() : players.open(USERNAME, CURRENCY);
        // Also for an existing player: a start that died between opening and depositing is completed here.
        MoneyResult deposit = wallets.execute(MoneyRequest.deposit(id, INITIAL_DEPOSIT_KEY, CURRENCY,
                INITIAL_DEPOSIT_MINOR, PAYMENT_TOKEN));
        if (!deposit.isOk()) {
            throw new IllegalStateException("Demo player " + id + ": initial deposit refused with " + deposit.code());
        }
        playerId = OptionalLong.of(id);
        log.info("Demo player '{}' {}: id {}, balance {} {} (minor units)", USERNAME,
                existing.isPresent() ? "found" : "opened", id, wallets.wallet(id).map(w -> w.balance()).orElse(0L),
                CURRENCY);
        return id;
    }

    /** The demo player's id, if it exists (also when another app server opened it). */
    public OptionalLong playerId() {
        OptionalLong known = playerId;
        if (known.isPresent()) {
            return known;
        }
        OptionalLong found = grid.playerIdByUsername(USERNAME);
        found.ifPresent(id -> playerId = OptionalLong.of(id));
        return found;
    }
}
