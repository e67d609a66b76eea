package io.croupier.fraud.detect;

import io.croupier.check.Check;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thresholds of MULTI_ACCOUNT, read from RISK_SETTING ({@link RiskSettingStore}) with these defaults at each check,
 * so {@code admin risk-set} applies from the next session on every node.
 *
 * @param deviceAccountsMin  accounts seen on one device fingerprint (within {@code deviceWindowMs}) that make a
 *                           finding (MEDIUM: withdrawals held)
 * @param deviceWindowMs     an account counts on a device while it was seen there within this long
 * @param ipAccountsMin      accounts seen on one IP address (within {@code ipWindowMs}) that make a finding (LOW:
 *                           flag only, since NAT and shared Wi-Fi are common)
 * @param ipWindowMs         an account counts on an address while it was seen there within this long
 * @param alertsPerLinkMax   alerts raised at most when a new account joins a link (the rest are named in the evidence
 *                           and get theirs when they next log in); bounds the work one login can cause
 */
public record LinkSettings(long deviceAccountsMin, long deviceWindowMs, long ipAccountsMin, long ipWindowMs,
                           long alertsPerLinkMax) {
    public static final String DEVICE_ACCOUNTS_MIN = "multiAccount.device.accountsMin";
    public static final String DEVICE_WINDOW_MS = "multiAccount.device.windowMs";
    public static final String IP_ACCOUNTS_MIN = "multiAccount.ip.accountsMin";
    public static final String IP_WINDOW_MS = "multiAccount.ip.windowMs";
    public static final String ALERTS_PER_LINK_MAX = "multiAccount.alertsPerLinkMax";

    private static final long DAY_MS = 86_400_000L;

    public LinkSettings {
        Check.argument(deviceAccountsMin >= 2 && ipAccountsMin >= 2, "accounts thresholds must be >= 2");
        Check.argument(deviceWindowMs > 0 && ipWindowMs > 0, "windows must be > 0");
        Check.argument(alertsPerLinkMax >= 1, "alertsPerLinkMax must be >= 1");
    }

    public static LinkSettings defaults() {
        return new LinkSettings(3, 90 * DAY_MS, 6, 7 * DAY_MS, 20);
    }

    /** Every setting with its default, as {@link RiskSettingStore#writeDefaults} takes them. */
    public static Map<String, BigDecimal> defaultValues() {
        LinkSettings d = defaults();
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put(DEVICE_ACCOUNTS_MIN, BigDecimal.valueOf(d.deviceAccountsMin));
        m.put(DEVICE_WINDOW_MS, BigDecimal.valueOf(d.deviceWindowMs));
        m.put(IP_ACCOUNTS_MIN, BigDecimal.valueOf(d.ipAccountsMin));
        m.put(IP_WINDOW_MS, BigDecimal.valueOf(d.ipWindowMs));
        m.put(ALERTS_PER_LINK_MAX, BigDecimal.valueOf(d.alertsPerLinkMax));
        return m;
    }

    /** The current values (a value made impossible by a bad {@code risk-set} falls back to its default). */
    public static LinkSettings read(RiskSettingStore store) {
        LinkSettings d = defaults();
        return new LinkSettings(
                Math.max(2, store.longValue(DEVICE_ACCOUNTS_MIN, d.deviceAccountsMin)),
                positive(store.longValue(DEVICE_WINDOW_MS, d.deviceWindowMs), d.deviceWindowMs),
                Math.max(2, store.longValue(IP_ACCOUNTS_MIN, d.ipAccountsMin)),
                positive(store.longValue(IP_WINDOW_MS, d.ipWindowMs), d.ipWindowMs),
                Math.max(1, store.longValue(ALERTS_PER_LINK_MAX, d.alertsPerLinkMax)));
    }

    long accountsMin(LinkKind kind) {
        return kind == LinkKind.DEVICE ? deviceAccountsMin : ipAccountsMin;
    }

    long windowMs(LinkKind kind) {
        return kind == LinkKind.DEVICE ? deviceWindowMs : ipWindowMs;
    }

    static long positive(long value, long otherwise) {
        return value > 0 ? value : otherwise;
    }
}
