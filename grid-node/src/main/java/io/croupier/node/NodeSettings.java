package io.croupier.node;

import io.croupier.fraud.RiskSettings;
import io.croupier.fraud.detect.DetectorSettings;
import io.croupier.rg.CashierSettings;
import io.croupier.roulette.TableDriverSettings;
import io.croupier.wallet.CommitSettings;
import io.croupier.wallet.MoneyLimits;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.ignite.configuration.WALMode;

/**
 * A grid node's configuration: {@link NodeProperty} defaults, overridden by a properties file, overridden by
 * explicit overrides (command line {@code --set key=value} or {@code -Dkey=value}). Validated when built: an unknown
 * key, a malformed number or an impossible combination refuses start-up with a message naming the key.
 */
public final class NodeSettings {
    private final EnumMap<NodeProperty, String> values;

    private NodeSettings(EnumMap<NodeProperty, String> values) {
        this.values = values;
        validate();
    }

    public static NodeSettings defaults() {
        return of(Map.of());
    }

    public static NodeSettings of(Map<String, String> overrides) {
        EnumMap<NodeProperty, String> values = new EnumMap<>(NodeProperty.class);
        for (NodeProperty p : NodeProperty.values()) {
            values.put(p, p.defaultValue);
        }
        apply(values, overrides, "override");
        return new NodeSettings(values);
    }

    /** Defaults, then {@code file} (if given), then croupier.* system properties, then {@code overrides}. */
    public static NodeSettings load(Path file, Map<String, String> overrides) throws IOException {
        Map<String, String> merged = new HashMap<>();
        if (file != null) {
            Properties props = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                props.load(r);
            }
            props.stringPropertyNames().forEach(k -> merged.put(k, props.getProperty(k).trim()));
        }
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("croupier."))
                .forEach(k -> merged.put(k, System.getProperty(k)));
        merged.putAll(overrides);
        return of(merged);
    }

    /** A copy with more overrides (tests, embedded mode). */
    public NodeSettings with(Map<String, String> overrides) {
        EnumMap<NodeProperty, String> copy = new EnumMap<>(values);
        apply(copy, overrides, "override");
        return new NodeSettings(copy);
    }

    private static void apply(EnumMap<NodeProperty, String> values, Map<String, String> overrides, String source) {
        overrides.forEach((key, value) -> {
            NodeProperty p = Arrays.stream(NodeProperty.values()).filter(np -> np.key.equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown setting " + key + " (" + source + ")"));
            values.put(p, value.trim());
        });
    }

    private void validate() {
        for (NodeProperty p : List.of(NodeProperty.DISCOVERY_PORT, NodeProperty.COMMUNICATION_PORT,
                NodeProperty.CLIENT_PORT)) {
            requireRange(p, 1, 65_535);
        }
        requireRange(NodeProperty.METRICS_PORT, 0, 65_535);
        for (NodeProperty p : List.of(NodeProperty.DISCOVERY_PORT_RANGE, NodeProperty.COMMUNICATION_PORT_RANGE,
                NodeProperty.CLIENT_PORT_RANGE, NodeProperty.METRICS_PORT_RANGE)) {
            requireRange(p, 0, 100);
        }
        requireRange(NodeProperty.BACKUPS, 0, 3);
        requireRange(NodeProperty.PARTITIONS, 1, 65_000);
        requireRange(NodeProperty.INITIAL_NODES, 1, 1_000);
        requireRange(NodeProperty.DATA_REGION_MAX_MB, 64, 1 << 24);
        requireRange(NodeProperty.WAL_SEGMENT_SIZE_MB, 1, 1_024);
        requireRange(NodeProperty.COMMIT_STRIPES, 0, 256);
        requireRange(NodeProperty.PUBLIC_THREADS, 2, 1_024);
        requireRange(NodeProperty.SYSTEM_THREADS, 2, 1_024);
        requireRange(NodeProperty.TX_TIMEOUT_MS, 100, 600_000);
        requireRange(NodeProperty.FAILURE_DETECTION_TIMEOUT_MS, 1_000, 600_000);
        requireRange(NodeProperty.BASELINE_AUTO_ADJUST_MS, -1, 86_400_000);
        walMode();
        persistence();
        commitSettings();
        requireRange(NodeProperty.RISK_STAKES_PER_SECOND_MAX, 1, 1_000_000);
        requireRange(NodeProperty.RISK_STAKES_PER_MINUTE_MAX, 1, 60_000_000);
        requireRange(NodeProperty.RISK_STAKE_JUMP_FACTOR_MAX, 0, 1_000_000);
        requireRange(NodeProperty.RISK_STAKE_JUMP_HISTORY_STAKES_MIN, 1, 1_000_000);
        requireRange(NodeProperty.DETECT_THREADS, 1, 64);
        requireRange(NodeProperty.DETECT_QUEUE_EVENTS_MAX, 1, 10_000_000);
        requireRange(NodeProperty.DETECT_SWEEP_PERIOD_MS, 100, 86_400_000);
        requireRange(NodeProperty.DETECT_RETRAIN_PERIOD_MS, 1_000, 604_800_000);
        riskSettings();
        requireRange(NodeProperty.RISK_DEPOSITS_PER_DAY_MAX, 1, 1_000_000);
        requireRange(NodeProperty.RISK_DECLINED_DEPOSITS_MAX, 1, 100);
        requireRange(NodeProperty.RISK_DECLINED_DEPOSITS_WINDOW_MS, 1_000, 31L * 24 * 60 * 60 * 1_000);
        cashierSettings();
        detectorSettings();
        flag(NodeProperty.DETECT_ENABLED);
        tableDriverSettings();
        if (discoveryAddresses().isEmpty()) {
            throw new IllegalArgumentException(NodeProperty.DISCOVERY_ADDRESSES.key + " must list at least one address");
        }
        if (string(NodeProperty.NAME).isBlank()) {
            throw new IllegalArgumentException(NodeProperty.NAME.key + " must not be blank");
        }
    }

    private void requireRange(NodeProperty p, long min, long max) {
        long v = number(p);
        if (v < min || v > max) {
            throw new IllegalArgumentException(p.key + " = " + v + " must be in " + min + ".." + max);
        }
    }

    private String string(NodeProperty p) {
        return values.get(p);
    }

    private long number(NodeProperty p) {
        try {
            return Long.parseLong(values.get(p));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(p.key + " must be a whole number, not '" + values.get(p) + "'");
        }
    }

    private int integer(NodeProperty p) {
        return Math.toIntExact(number(p));
    }

    private boolean flag(NodeProperty p) {
        String v = values.get(p).toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(p.key + " must be true or false, not '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    public String name() {
        return string(NodeProperty.NAME);
    }

    public String localAddress() {
        return string(NodeProperty.LOCAL_ADDRESS);
    }

    public Path workDirectory() {
        return Path.of(string(NodeProperty.WORK_DIRECTORY)).toAbsolutePath();
    }

    public List<String> discoveryAddresses() {
        return Arrays.stream(string(NodeProperty.DISCOVERY_ADDRESSES).split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    public int discoveryPort() {
        return integer(NodeProperty.DISCOVERY_PORT);
    }

    public int discoveryPortRange() {
        return integer(NodeProperty.DISCOVERY_PORT_RANGE);
    }

    public int communicationPort() {
        return integer(NodeProperty.COMMUNICATION_PORT);
    }

    public int communicationPortRange() {
        return integer(NodeProperty.COMMUNICATION_PORT_RANGE);
    }

    public int clientPort() {
        return integer(NodeProperty.CLIENT_PORT);
    }

    public int clientPortRange() {
        return integer(NodeProperty.CLIENT_PORT_RANGE);
    }

    public boolean riskEnabled() {
        return flag(NodeProperty.RISK_ENABLED);
    }

    /** 0 = no metrics endpoint. */
    public int metricsPort() {
        return integer(NodeProperty.METRICS_PORT);
    }

    public int metricsPortRange() {
        return integer(NodeProperty.METRICS_PORT_RANGE);
    }

    public boolean persistence() {
        return flag(NodeProperty.PERSISTENCE);
    }

    public WALMode walMode() {
        String v = string(NodeProperty.WAL_MODE).toUpperCase(Locale.ROOT);
        if (!List.of("FSYNC", "LOG_ONLY", "BACKGROUND").contains(v)) {
            throw new IllegalArgumentException(NodeProperty.WAL_MODE.key + " must be FSYNC, LOG_ONLY or BACKGROUND");
        }
        return WALMode.valueOf(v);
    }

    public int walSegmentSizeMb() {
        return integer(NodeProperty.WAL_SEGMENT_SIZE_MB);
    }

    public long dataRegionMaxSizeMb() {
        return number(NodeProperty.DATA_REGION_MAX_MB);
    }

    public int backups() {
        return integer(NodeProperty.BACKUPS);
    }

    public int partitions() {
        return integer(NodeProperty.PARTITIONS);
    }

    public int initialNodes() {
        return integer(NodeProperty.INITIAL_NODES);
    }

    public long baselineAutoAdjustMs() {
        return number(NodeProperty.BASELINE_AUTO_ADJUST_MS);
    }

    public int publicThreads() {
        return integer(NodeProperty.PUBLIC_THREADS);
    }

    public int systemThreads() {
        return integer(NodeProperty.SYSTEM_THREADS);
    }

    public long txTimeoutMs() {
        return number(NodeProperty.TX_TIMEOUT_MS);
    }

    public long failureDetectionTimeoutMs() {
        return number(NodeProperty.FAILURE_DETECTION_TIMEOUT_MS);
    }

    public MoneyLimits moneyLimits() {
        return new MoneyLimits(number(NodeProperty.AMOUNT_MINOR_MAX), number(NodeProperty.BALANCE_MINOR_MAX));
    }

    public CommitSettings commitSettings() {
        int stripes = integer(NodeProperty.COMMIT_STRIPES);
        int group = integer(NodeProperty.COMMIT_GROUP_OPERATIONS_MAX);
        return new CommitSettings(stripes == 0 ? CommitSettings.defaultStripes() : stripes,
                group, integer(NodeProperty.COMMIT_QUEUE_OPERATIONS_MAX), txTimeoutMs(), txTimeoutMs() * 2,
                moneyLimits());
    }

    /** Thresholds of the inline risk rules; per minute must be at least per second. */
    public RiskSettings riskSettings() {
        return new RiskSettings(integer(NodeProperty.RISK_STAKES_PER_SECOND_MAX),
                integer(NodeProperty.RISK_STAKES_PER_MINUTE_MAX), integer(NodeProperty.RISK_STAKE_JUMP_FACTOR_MAX),
                integer(NodeProperty.RISK_STAKE_JUMP_HISTORY_STAKES_MIN));
    }

    /** Thresholds of the inline cashier checks (deposits per day, the declined-deposit lock). */
    public CashierSettings cashierSettings() {
        return new CashierSettings(integer(NodeProperty.RISK_DEPOSITS_PER_DAY_MAX),
                integer(NodeProperty.RISK_DECLINED_DEPOSITS_MAX), number(NodeProperty.RISK_DECLINED_DEPOSITS_WINDOW_MS));
    }

    public boolean detectEnabled() {
        return flag(NodeProperty.DETECT_ENABLED);
    }

    /** How this node runs its fraud detector (threads, queue, sweep and retraining periods). */
    public DetectorSettings detectorSettings() {
        return new DetectorSettings(integer(NodeProperty.DETECT_THREADS), integer(NodeProperty.DETECT_QUEUE_EVENTS_MAX),
                number(NodeProperty.DETECT_SWEEP_PERIOD_MS), number(NodeProperty.DETECT_RETRAIN_PERIOD_MS));
    }

    public Path slotsDirectory() {
        return Path.of(string(NodeProperty.SLOTS_DIRECTORY));
    }

    public Path tablesFile() {
        return Path.of(string(NodeProperty.TABLES_FILE));
    }

    public TableDriverSettings tableDriverSettings() {
        return new TableDriverSettings(integer(NodeProperty.TABLE_CHAIN_LENGTH),
                number(NodeProperty.TABLE_RESUME_WINDOW_MS), number(NodeProperty.TABLE_ROUND_PAUSE_MS),
                integer(NodeProperty.TABLE_SETTLE_CHUNK_OPERATIONS));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((p, v) -> sb.append(p.key).append('=').append(v).append('\n'));
        return sb.toString();
    }
}
