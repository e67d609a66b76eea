package io.croupier.app.grid;

import io.croupier.player.Account;
import io.croupier.player.Player;
import io.croupier.player.Players;
import java.util.Optional;
import java.util.OptionalLong;

/** Player accounts as the edge sees them: register, find a login, a player's profile. */
public final class Accounts {
    private final AccountRepository repository;
    private final Players players;

    Accounts(AccountRepository repository, Players players) {
        this.repository = repository;
        this.players = players;
    }

    /** Opens the player, wallet and login in one transaction; empty when the username is taken. */
    public OptionalLong register(String username, String passwordHash, String currency) {
        return players.register(username, passwordHash, currency);
    }

    /** The login of a username (case-insensitive). */
    public Optional<Account> login(String username) {
        return repository.findById(Account.key(username));
    }

    /** A player's profile: the login and the player row. */
    public record Profile(long playerId, String username, String currency, String status, long createdAtMs) {
    }

    public Optional<Profile> profile(long playerId) {
        Optional<Player> player = players.find(playerId);
        if (player.isEmpty()) {
            return Optional.empty();
        }
        Player p = player.get();
        // A key lookup (the player row carries the username), not a query: auth runs this on every reconnect.
        String username = repository.findById(Account.key(p.username())).filter(a -> a.playerId() == playerId)
                .map(Account::username).orElse(p.username());
        return Optional.of(new Profile(playerId, username, p.currency(), p.status().name(),
                p.createdAt().getTime()));
    }
}
