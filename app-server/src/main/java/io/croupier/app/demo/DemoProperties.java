package io.croupier.app.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data.
 *
 * @param enabled   on start, open the player "demo" (EUR, 1000.00 deposited) unless it exists (true/false)
 * @param password  the demo player's password; empty = a random one, logged at start
 */
@ConfigurationProperties("croupier.app.demo")
record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("") String password) {
}
