package io.croupier.fraud;

/** One inline risk rule: a pure function over the facts; {@code null} allows, a rejection refuses. */
@FunctionalInterface
public interface RiskRule {
    RiskRejection check(RiskFacts facts);
}
