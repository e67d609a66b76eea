package io.croupier.rg;

/** One responsible-gambling or cashier rule: a pure function over the facts; {@code null} allows. */
@FunctionalInterface
public interface RgRule {
    RgRejection check(RgFacts facts);
}
