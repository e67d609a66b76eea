package io.croupier.app.demo;

import io.croupier.app.grid.Accounts;
import io.croupier.player.Account;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.WalletService;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
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
    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final WalletService wallets;
    private volatile OptionalLong playerId = OptionalLong.empty();

    DemoPlayer(DemoProperties properties, Accounts accounts, PasswordEncoder passwords, WalletService wallets) {
        this.properties = properties;
        this.accounts = accounts;
        this.passwords = passwords;
        this.wallets = wallets;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.enabled()) {
            ensureExists();
        }
    }

    /**
     * Opens the demo player with a login unless one exists, and makes sure its first deposit is applied; returns its
     * id. The password is {@code croupier.app.demo.password} when set, else made up now and logged once: no
     * password is written in the project.
     */
    long ensureExists() {
        OptionalLong existing = findId();
        long id;
        if (existing.isPresent()) {
            id = existing.getAsLong();
        } else {
            String password = properties.password().isEmpty() ? newPassword() : properties.password();
            OptionalLong registered = accounts.register(USERNAME, passwords.encode(password), CURRENCY);
            if (registered.isPresent()) {
                id = registered.getAsLong();
                log.info("Demo login: username '{}', password '{}'", USERNAME, password);
            } else {
                // Another app server registered it at the same moment: take theirs (their log has the password).
                id = findId().orElseThrow();
            }
        }
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

    private static String newPassword() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The demo player's id, if it exists (also when another app server opened it). */
    public OptionalLong playerId() {
        OptionalLong known = playerId;
        if (known.isPresent()) {
            return known;
        }
        OptionalLong found = findId();
        found.ifPresent(id -> playerId = OptionalLong.of(id));
        return found;
    }

    private OptionalLong findId() {
        return accounts.login(USERNAME).stream().mapToLong(Account::playerId).findFirst();
    }
}
