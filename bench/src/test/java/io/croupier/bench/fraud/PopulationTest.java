package io.croupier.bench.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PopulationTest {
    private static final long THRESHOLD = 1_000_000;
    private static final List<Plan> PLANS = Population.draw(new Population.Settings(300, 12, 3, 12, 300, THRESHOLD,
            0.15, 60_000, List.of("t1", "t2"), 7, "x"));

    private static List<Plan> of(FraudKind kind) {
        return PLANS.stream().filter(p -> p.kind() == kind).toList();
    }

    @Test
    void theSameSeedDrawsTheSamePopulation() {
        assertThat(Population.draw(new Population.Settings(300, 12, 3, 12, 300, THRESHOLD, 0.15, 60_000,
                List.of("t1", "t2"), 7, "x"))).isEqualTo(PLANS);
    }

    @Test
    void everyKindIsInjectedInWholeRingsAndPairs() {
        assertThat(PLANS.stream().filter(p -> p.kind() == null)).hasSize(300);
        for (FraudKind kind : FraudKind.values()) {
            assertThat(of(kind)).as(kind.name()).hasSize(12);
        }
        assertThat(PLANS.stream().map(Plan::username).distinct()).hasSize(PLANS.size());
    }

    @Test
    void onlyMultiAccountersShareADevice() {
        Map<String, List<Plan>> byDevice = PLANS.stream().collect(Collectors.groupingBy(Plan::device));
        byDevice.values().stream().filter(l -> l.size() > 1).forEach(shared -> {
            assertThat(shared).allMatch(p -> p.kind() == FraudKind.MULTI_ACCOUNT);
            assertThat(shared).hasSize(3);
        });
        assertThat(byDevice.values().stream().filter(l -> l.size() > 1)).hasSize(4);
        List<String> secondDevices = PLANS.stream().flatMap(p -> p.steps().stream())
                .filter(s -> s instanceof Plan.Relogin).map(s -> ((Plan.Relogin) s).device()).toList();
        assertThat(secondDevices).allMatch(d -> !byDevice.containsKey(d) || byDevice.get(d).size() == 1);
    }

    @Test
    void someOrdinaryPlayersShareAnAddressAsAHousehold() {
        Map<String, List<Plan>> byAddress = PLANS.stream().filter(p -> p.kind() == null)
                .collect(Collectors.groupingBy(Plan::address));
        assertThat(byAddress.values().stream().filter(l -> l.size() > 1).count()).isBetween(5L, 40L);
        assertThat(byAddress.values()).allMatch(l -> l.size() <= 4);
    }

    @Test
    void ordinaryPlayersWhoWithdrawHaveWageredMoreThanTheyDeposited() {
        List<Plan> withdrawers = PLANS.stream().filter(p -> p.kind() == null)
                .filter(p -> p.steps().contains(new Plan.WithdrawAll())).toList();
        assertThat(withdrawers).isNotEmpty();
        assertThat(withdrawers).allMatch(p -> p.slotWagerMinor() > p.depositsMinor());
        assertThat(PLANS.stream().filter(p -> p.kind() == null).mapToLong(Plan::depositsMinor).max().orElseThrow())
                .isLessThan(THRESHOLD / 2);
    }

    @Test
    void launderersWagerUnderATenthAndStructurersStayJustUnderTheThreshold() {
        assertThat(of(FraudKind.LOW_WAGERING)).allMatch(p -> p.slotWagerMinor() * 10 <= p.depositsMinor()
                && p.steps().get(p.steps().size() - 1).equals(new Plan.WithdrawAll()));
        for (Plan p : of(FraudKind.STRUCTURING)) {
            List<Long> deposits = p.steps().stream().filter(s -> s instanceof Plan.Deposit)
                    .map(s -> ((Plan.Deposit) s).amountMinor()).toList();
            assertThat(deposits).hasSizeBetween(3, 5).allMatch(a -> a >= THRESHOLD * 0.9 && a < THRESHOLD);
        }
        assertThat(of(FraudKind.LARGE_TRANSACTION)).allMatch(p -> p.depositsMinor() >= THRESHOLD);
    }

    @Test
    void colludingPartnersStartTogetherAndBetOppositeSidesOfOneTable() {
        List<Plan> colluders = of(FraudKind.COLLUSION);
        for (int i = 0; i < colluders.size(); i += 2) {
            Plan a = colluders.get(i);
            Plan b = colluders.get(i + 1);
            Plan.TableRounds ta = (Plan.TableRounds) a.steps().get(1);
            Plan.TableRounds tb = (Plan.TableRounds) b.steps().get(1);
            assertThat(a.startDelayMs()).isEqualTo(b.startDelayMs());
            assertThat(ta.tableId()).isEqualTo(tb.tableId());
            assertThat(ta.stakeMinor()).isEqualTo(tb.stakeMinor());
            assertThat(ta.betKind()).isNotEqualTo(tb.betKind());
            assertThat(Objects.equals(a.device(), b.device()) || a.address().equals(b.address())).isFalse();
        }
    }

    @Test
    void providerGamesReturnWhatTheySay() {
        assertThat(ProviderGame.FAIR.meanReturn()).isEqualTo(0.96, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ProviderGame.ABUSED.meanReturn()).isEqualTo(3.1, org.assertj.core.data.Offset.offset(1e-9));
    }
}
