package io.croupier.fraud.detect;

import io.croupier.slots.RtpCalculator;
import io.croupier.slots.SlotCatalog;
import io.croupier.slots.SlotDefinition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exact profile of each slot game this node offers, computed from its definition the first time a round of it
 * is judged (an enumeration of all reel stops: about a second per game) and kept for the node's life.
 */
final class SlotProfiles {
    private final SlotCatalog slots;
    private final Map<String, GameProfile> profiles = new ConcurrentHashMap<>();

    SlotProfiles(SlotCatalog slots) {
        this.slots = slots;
    }

    /** The game's profile, or null for a game this node does not know. */
    GameProfile of(String gameId) {
        if (gameId == null || !slots.has(gameId)) {
            return null;
        }
        return profiles.computeIfAbsent(gameId, id -> {
            SlotDefinition definition = slots.game(id);
            return GameProfile.of(RtpCalculator.calculate(definition));
        });
    }
}
