package io.croupier.fraud.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.fraud.detect.MultiAccountRule.LinkFacts;
import io.croupier.fraud.detect.MultiAccountRule.LinkedAccount;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiAccountRuleTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final long DAY = 86_400_000L;
    private static final String HASH = DeviceLinks.deviceHash("canvas:1234|tz:Europe/Paris");
    private static final LinkSettings SETTINGS = LinkSettings.defaults();

    private static List<LinkedAccount> accounts(int n, long lastSeenMs) {
        List<LinkedAccount> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(new LinkedAccount(100 + i, lastSeenMs));
        }
        return list;
    }

    @Test
    void threeAccountsOnOneDeviceAlertEveryOneOfThemMediumWhenANewOneJoins() {
        List<Finding> findings = MultiAccountRule.judge(
                new LinkFacts(LinkKind.DEVICE, HASH, 103, true, accounts(3, NOW), NOW), SETTINGS);

        assertThat(findings).extracting(Finding::playerId).containsExactlyInAnyOrder(101L, 102L, 103L);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.rule()).isEqualTo(AlertRule.MULTI_ACCOUNT);
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.subject()).isEqualTo("device:" + HASH.substring(0, 16));
            assertThat(f.score()).isEqualTo(3);
            assertThat(f.evidence()).contains("101, 102, 103").doesNotContain("canvas");
            assertThat(f.eventAtMs()).isEqualTo(NOW);
        });
        assertThat(findings.get(0).playerId()).as("the session's own account first").isEqualTo(103);
    }

    @Test
    void twoAccountsOnOneDeviceAreNoFinding() {
        assertThat(MultiAccountRule.judge(new LinkFacts(LinkKind.DEVICE, HASH, 102, true, accounts(2, NOW), NOW),
                SETTINGS)).isEmpty();
    }

    @Test
    void aKnownAccountLoggingInAgainAlertsOnlyItself() {
        List<Finding> findings = MultiAccountRule.judge(
                new LinkFacts(LinkKind.DEVICE, HASH, 102, false, accounts(4, NOW), NOW), SETTINGS);
        assertThat(findings).extracting(Finding::playerId).containsExactly(102L);
    }

    @Test
    void fiveAccountsOnOneAddressAreNoFindingButSixAreLow() {
        assertThat(MultiAccountRule.judge(new LinkFacts(LinkKind.IP, "203.0.113.7", 105, true, accounts(5, NOW),
                NOW), SETTINGS)).isEmpty();

        List<Finding> six = MultiAccountRule.judge(new LinkFacts(LinkKind.IP, "203.0.113.7", 106, true,
                accounts(6, NOW), NOW), SETTINGS);
        assertThat(six).hasSize(6).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.subject()).isEqualTo("ip:203.0.113.7");
        });
    }

    @Test
    void accountsLastSeenBeforeTheWindowDoNotCount() {
        List<LinkedAccount> list = new ArrayList<>(accounts(5, NOW - 8 * DAY));
        list.add(new LinkedAccount(999, NOW));
        assertThat(MultiAccountRule.judge(new LinkFacts(LinkKind.IP, "203.0.113.7", 999, true, list, NOW), SETTINGS))
                .as("an address's accounts count for 7 days").isEmpty();
        assertThat(MultiAccountRule.judge(new LinkFacts(LinkKind.DEVICE, HASH, 999, true, list, NOW), SETTINGS))
                .as("a device's for 90 days").hasSize(6);
    }

    @Test
    void theThresholdIsASetting() {
        LinkSettings stricter = new LinkSettings(2, 90 * DAY, 6, 7 * DAY, 50);
        assertThat(MultiAccountRule.judge(new LinkFacts(LinkKind.DEVICE, HASH, 102, true, accounts(2, NOW), NOW),
                stricter)).hasSize(2);
    }

    @Test
    void aCrowdedLinkAlertsAtMostAlertsPerLinkMaxAndNamesTheRestInTheEvidence() {
        List<Finding> findings = MultiAccountRule.judge(new LinkFacts(LinkKind.IP, "198.51.100.1", 101, true,
                accounts(300, NOW), NOW), SETTINGS);
        assertThat(findings).hasSize(20);
        assertThat(findings.get(0).playerId()).isEqualTo(101);
        assertThat(findings.get(0).evidence()).startsWith("300 accounts").endsWith("and 260 more");
    }

    @Test
    void theStoredDeviceValueIsTheSha256OfTheFingerprint() {
        assertThat(DeviceLinks.deviceHash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
