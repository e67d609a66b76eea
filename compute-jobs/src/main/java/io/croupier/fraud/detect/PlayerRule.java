package io.croupier.fraud.detect;

/** One per-player detection rule: a pure function of the facts; {@code null} when there is nothing to report. */
@FunctionalInterface
public interface PlayerRule {
    Finding check(PlayerFacts facts);
}
