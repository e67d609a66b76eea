package io.croupier.app.grid;

import io.croupier.player.Account;
import io.croupier.schema.CacheSchema;
import org.apache.ignite.springdata.repository.IgniteRepository;
import org.apache.ignite.springdata.repository.config.RepositoryConfig;

/**
 * Player logins through Ignite Spring Data: the id is the lower-cased username ({@link Account#key}). Registration
 * does not go through {@code save}: it must create the login, the player and the wallet in one transaction
 * ({@link io.croupier.player.Players#register}).
 */
@RepositoryConfig(cacheName = CacheSchema.ACCOUNT)
interface AccountRepository extends IgniteRepository<Account, String> {
}
