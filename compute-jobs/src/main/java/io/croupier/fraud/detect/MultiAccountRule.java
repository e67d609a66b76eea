package io.croupier.fraud.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MULTI_ACCOUNT: several accounts seen on one device fingerprint or one IP address within the kind's window. A pure
 * function of what the link's partition holds; {@link DeviceLinks} gathers the facts and raises what it returns.
 *
 * <p>Who gets an alert: the account whose session triggered the check always (a repeat only adds a hit); the other
 * linked accounts only when this session added a new account to the link (the group changed), at most
 * {@code alertsPerLinkMax} of them, most recently seen first. A known account logging in again does not re-alert the
 * whole group on every login.
 */
final class MultiAccountRule {
    /** How many player ids the evidence names before "and N more" (the evidence is at most 1,000 characters). */
    static final int EVIDENCE_IDS_MAX = 40;
    /** Characters of the device hash in the alert subject: enough to tell devices apart, short to read. */
    static final int SUBJECT_HASH_CHARS = 16;

    /** An account seen on the link, and when it was last seen there. */
    record LinkedAccount(long playerId, long lastSeenMs) {
    }

    /**
     * What the check knows.
     *
     * @param value     the device hash or the address
     * @param playerId  the account whose session started
     * @param newOnLink whether this session is the account's first on this link
     * @param accounts  every account on the link (the session's included), as read after recording the session
     * @param atMs      when the session started (the triggering event)
     */
    record LinkFacts(LinkKind kind, String value, long playerId, boolean newOnLink, List<LinkedAccount> accounts,
                     long atMs) {
    }

    private MultiAccountRule() {
    }

    static List<Finding> judge(LinkFacts facts, LinkSettings settings) {
        long since = facts.atMs() - settings.windowMs(facts.kind());
        List<LinkedAccount> live = new ArrayList<>();
        for (LinkedAccount a : facts.accounts()) {
            if (a.lastSeenMs() >= since || a.playerId() == facts.playerId()) {
                live.add(a);
            }
        }
        if (live.size() < settings.accountsMin(facts.kind())) {
            return List.of();
        }
        live.sort(Comparator.comparingLong(LinkedAccount::playerId));
        String subject = subject(facts.kind(), facts.value());
        String evidence = evidence(facts, live, settings);
        List<Long> recipients = new ArrayList<>();
        recipients.add(facts.playerId());
        if (facts.newOnLink()) {
            live.stream().filter(a -> a.playerId() != facts.playerId())
                    .sorted(Comparator.comparingLong(LinkedAccount::lastSeenMs).reversed()
                            .thenComparingLong(LinkedAccount::playerId))
                    .limit(Math.max(0, settings.alertsPerLinkMax() - 1))
                    .forEach(a -> recipients.add(a.playerId()));
        }
        List<Finding> findings = new ArrayList<>(recipients.size());
        for (long player : recipients) {
            findings.add(new Finding(player, AlertRule.MULTI_ACCOUNT, subject, facts.kind().severity(), live.size(),
                    evidence, facts.atMs()));
        }
        return findings;
    }

    /** {@code device:<first 16 hex of the hash>} or {@code ip:<address>}. */
    static String subject(LinkKind kind, String value) {
        String shown = kind == LinkKind.DEVICE && value.length() > SUBJECT_HASH_CHARS
                ? value.substring(0, SUBJECT_HASH_CHARS) : value;
        return kind.subjectPrefix() + ":" + shown;
    }

    private static String evidence(LinkFacts facts, List<LinkedAccount> live, LinkSettings settings) {
        StringBuilder b = new StringBuilder().append(live.size()).append(" accounts on ")
                .append(subject(facts.kind(), facts.value())).append(" within ")
                .append(settings.windowMs(facts.kind()) / 3_600_000L).append(" h (threshold ")
                .append(settings.accountsMin(facts.kind())).append("): players ");
        for (int i = 0; i < live.size() && i < EVIDENCE_IDS_MAX; i++) {
            b.append(i == 0 ? "" : ", ").append(live.get(i).playerId());
        }
        if (live.size() > EVIDENCE_IDS_MAX) {
            b.append(" and ").append(live.size() - EVIDENCE_IDS_MAX).append(" more");
        }
        return b.toString();
    }
}
