package io.croupier.fraud.detect;

import io.croupier.check.Check;
import io.croupier.schema.CacheSchema;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;

/**
 * The detection thresholds as data on the grid (RISK_SETTING, replicated): every read is local, and a change made
 * on any node is seen by every rule's next evaluation, without a restart. Rules read through {@link #longValue} and
 * {@link #decimalValue} with their built-in default, so a missing row never breaks a check.
 */
public final class RiskSettingStore {
    public static final int NAME_LENGTH_MAX = 64;
    private final Ignite ignite;
    private final Clock clock;
    private volatile IgniteCache<String, RiskSetting> cache;

    public RiskSettingStore(Ignite ignite, Clock clock) {
        this.ignite = ignite;
        this.clock = clock;
    }

    /** Writes each default whose name has no row yet (a node's start); existing values, set at run time, stay. */
    public void writeDefaults(Map<String, BigDecimal> defaults) {
        Timestamp now = new Timestamp(clock.millis());
        defaults.forEach((name, value) -> cache().putIfAbsent(checkName(name), new RiskSetting(value, now, "default")));
    }

    /** Sets one threshold for the whole cluster; returns the previous value, or null. */
    public BigDecimal set(String name, BigDecimal value, String by) {
        Check.argument(value != null && value.signum() >= 0, "value must be >= 0");
        Check.argument(by != null && !by.isBlank(), "who sets it is required");
        RiskSetting before = cache().getAndPut(checkName(name), new RiskSetting(value, new Timestamp(clock.millis()), by));
        return before == null ? null : before.value();
    }

    public BigDecimal decimalValue(String name, BigDecimal defaultValue) {
        RiskSetting s = cache().get(name);
        return s == null ? defaultValue : s.value();
    }

    public long longValue(String name, long defaultValue) {
        RiskSetting s = cache().get(name);
        return s == null ? defaultValue : s.value().longValue();
    }

    public double doubleValue(String name, double defaultValue) {
        RiskSetting s = cache().get(name);
        return s == null ? defaultValue : s.value().doubleValue();
    }

    private static String checkName(String name) {
        Check.argument(name != null && name.matches("[a-zA-Z][a-zA-Z0-9.]{0," + (NAME_LENGTH_MAX - 1) + "}"),
                "setting name must be letters, digits and dots, at most " + NAME_LENGTH_MAX);
        return name;
    }

    private IgniteCache<String, RiskSetting> cache() {
        IgniteCache<String, RiskSetting> c = cache;
        if (c == null) {
            c = ignite.cache(CacheSchema.RISK_SETTING);
            cache = c;
        }
        return c;
    }
}
