package io.croupier.fraud.detect;

import io.croupier.check.Check;
import io.croupier.fair.Seeds;
import io.croupier.schema.CacheSchema;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.lang.IgniteFuture;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;

/**
 * The device and address index behind MULTI_ACCOUNT. When a session starts, the edge sends one affinity job per link
 * (the device's hash, the client's address) to the link's primary node; there, in the link's own partition, the job
 * records the account on the link (DEVICE_LINK, one row per link and account), reads every account on it with a
 * local query, judges them ({@link MultiAccountRule}) and hands any findings to the node's checks' thread to raise.
 * No step reads another node's data, and the login that triggered it never waits for it.
 */
public final class DeviceLinks {
    /** Accounts read per link; an address with more (a carrier's NAT) is judged on these. */
    static final int ACCOUNTS_READ_MAX = 1_000;
    public static final int VALUE_LENGTH_MAX = 64;
    private static final String ACCOUNTS_OF_LINK =
            "SELECT PLAYER_ID, LAST_SEEN FROM DEVICE_LINK WHERE LINK = ? LIMIT " + ACCOUNTS_READ_MAX;

    private final Ignite ignite;
    private final CrossPlayerChecks checks;

    /**
     * What one recorded session found; {@code nodeId} is the node that ran it (the link's primary). A class, not a
     * record: it crosses the network, and Ignite's marshaller cannot build records (decision 5).
     */
    public static final class LinkCheck implements Serializable {
        private static final long serialVersionUID = 1L;
        private final UUID nodeId;
        private final String link;
        private final int accounts;
        private final boolean newOnLink;
        private final int findings;

        LinkCheck(UUID nodeId, String link, int accounts, boolean newOnLink, int findings) {
            this.nodeId = nodeId;
            this.link = link;
            this.accounts = accounts;
            this.newOnLink = newOnLink;
            this.findings = findings;
        }

        public UUID nodeId() {
            return nodeId;
        }

        public String link() {
            return link;
        }

        /** Accounts on the link, this one included. */
        public int accounts() {
            return accounts;
        }

        /** Whether this was the account's first session on the link. */
        public boolean newOnLink() {
            return newOnLink;
        }

        /** Findings handed over to be raised. */
        public int findings() {
            return findings;
        }

        @Override
        public String toString() {
            return link + ": " + accounts + " accounts" + (newOnLink ? " (new)" : "") + ", " + findings
                    + " findings, on " + nodeId;
        }
    }

    DeviceLinks(Ignite ignite, CrossPlayerChecks checks) {
        this.ignite = ignite;
        this.checks = checks;
    }

    /**
     * The stored form of a device fingerprint: SHA-256, hex. The client's string itself is never stored or logged;
     * the hash still identifies one device across accounts, which is all the check needs.
     */
    public static String deviceHash(String fingerprint) {
        Check.argument(fingerprint != null && !fingerprint.isEmpty(), "fingerprint is required");
        return Seeds.hex(Seeds.sha256(fingerprint.getBytes(StandardCharsets.UTF_8)));
    }

    /** The link's key and affinity value: {@code DEVICE:<hash>} or {@code IP:<address>}. */
    public static String link(LinkKind kind, String value) {
        return kind.name() + ":" + value;
    }

    /**
     * Records a session of {@code playerId} on a link and checks it, on the link's primary node; returns at once.
     * {@code value} is the device hash ({@link #deviceHash}) or the client's IP address.
     */
    public static IgniteFuture<LinkCheck> recordAsync(Ignite ignite, LinkKind kind, String value, long playerId,
                                                       long atMs) {
        Check.argument(kind != null, "kind is required");
        Check.argument(value != null && !value.isBlank() && value.length() <= VALUE_LENGTH_MAX,
                "link value must be 1.." + VALUE_LENGTH_MAX + " characters");
        return ignite.compute(ignite.cluster().forServers()).affinityCallAsync(CacheSchema.DEVICE_LINK,
                link(kind, value), new RecordJob(kind, value, playerId, atMs));
    }

    /** The job's work, on the link's primary node. */
    LinkCheck recordHere(LinkKind kind, String value, long playerId, long atMs) {
        String link = link(kind, value);
        IgniteCache<DeviceLinkKey, DeviceLink> links = ignite.cache(CacheSchema.DEVICE_LINK);
        DeviceLinkKey key = new DeviceLinkKey(link, playerId);
        boolean newOnLink;
        try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                TransactionIsolation.REPEATABLE_READ)) {
            DeviceLink prior = links.get(key);
            newOnLink = prior == null;
            links.put(key, newOnLink ? DeviceLink.first(kind, value, atMs) : prior.seenAgain(atMs));
            tx.commit();
        }
        List<MultiAccountRule.LinkedAccount> accounts = accountsOn(links, link);
        checks.linkRecorded();
        List<Finding> findings = MultiAccountRule.judge(
                new MultiAccountRule.LinkFacts(kind, value, playerId, newOnLink, accounts, atMs),
                LinkSettings.read(checks.settings()));
        if (!findings.isEmpty()) {
            checks.offer(() -> checks.raiseAll(findings));
        }
        return new LinkCheck(ignite.cluster().localNode().id(), link, accounts.size(), newOnLink, findings.size());
    }

    /**
     * Every account on the link, read locally: this node is the link's primary (the affinity job runs there and holds
     * the partition while it runs), so the partition's rows are all here.
     */
    private static List<MultiAccountRule.LinkedAccount> accountsOn(IgniteCache<DeviceLinkKey, DeviceLink> links,
                                                                   String link) {
        List<MultiAccountRule.LinkedAccount> accounts = new ArrayList<>();
        SqlFieldsQuery query = new SqlFieldsQuery(ACCOUNTS_OF_LINK).setArgs(link).setLocal(true)
                .setSchema(CacheSchema.SQL_SCHEMA);
        try (FieldsQueryCursor<List<?>> rows = links.query(query)) {
            for (List<?> row : rows) {
                accounts.add(new MultiAccountRule.LinkedAccount(((Number) row.get(0)).longValue(),
                        ((Timestamp) row.get(1)).getTime()));
            }
        }
        return accounts;
    }

    private static final class RecordJob implements IgniteCallable<LinkCheck> {
        private static final long serialVersionUID = 1L;
        private final LinkKind kind;
        private final String value;
        private final long playerId;
        private final long atMs;
        @IgniteInstanceResource
        private transient Ignite ignite;

        RecordJob(LinkKind kind, String value, long playerId, long atMs) {
            this.kind = kind;
            this.value = value;
            this.playerId = playerId;
            this.atMs = atMs;
        }

        @Override
        public LinkCheck call() {
            return new DeviceLinks(ignite, CrossPlayerChecks.of(ignite)).recordHere(kind, value, playerId, atMs);
        }
    }
}
