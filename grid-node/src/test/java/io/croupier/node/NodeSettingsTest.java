package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.ignite.configuration.WALMode;
import org.junit.jupiter.api.Test;

/** Node configuration is validated at start-up, and the shipped properties file documents exactly the real keys. */
class NodeSettingsTest {
    private static final Path SHIPPED_FILE = Path.of("../config/croupier-node.properties");

    @Test
    void theDefaultsAreAValidConfiguration() {
        NodeSettings defaults = NodeSettings.defaults();
        assertThat(defaults.name()).isEqualTo("croupier-node");
        assertThat(defaults.clientPort()).isEqualTo(10_800);
        assertThat(defaults.persistence()).isTrue();
        assertThat(defaults.walMode()).isEqualTo(WALMode.LOG_ONLY);
        assertThat(defaults.backups()).isEqualTo(1);
        assertThat(defaults.commitSettings().stripes()).isPositive();
        assertThat(defaults.commitSettings().waitTimeoutMs()).isGreaterThan(defaults.txTimeoutMs());
        assertThat(defaults.moneyLimits().balanceMinorMax()).isGreaterThanOrEqualTo(defaults.moneyLimits().amountMinorMax());
    }

    @Test
    void anUnknownKeyIsRefusedWithItsName() {
        assertThatThrownBy(() -> NodeSettings.of(Map.of("croupier.cache.backup", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("croupier.cache.backup");
        assertThatThrownBy(() -> NodeSettings.defaults().with(Map.of("croupier.tx.timeout", "100")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("croupier.tx.timeout");
    }

    @Test
    void aMalformedNumberIsRefusedWithTheKeyName() {
        for (String key : List.of("croupier.cache.backups", "croupier.discovery.port", "croupier.tx.timeoutMs",
                "croupier.memory.maxSizeMb", "croupier.money.amountMinorMax", "croupier.commit.groupOperationsMax")) {
            assertThatThrownBy(() -> NodeSettings.of(Map.of(key, "12x")))
                    .as(key).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(key);
        }
        assertThatThrownBy(() -> NodeSettings.of(Map.of("croupier.persistence.walMode", "SOMETIMES")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("croupier.persistence.walMode");
    }

    @Test
    void aMalformedFlagIsRefusedWithTheKeyName() {
        assertThatThrownBy(() -> NodeSettings.of(Map.of("croupier.persistence.enabled", "yes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("croupier.persistence.enabled");
    }

    @Test
    void anOutOfRangeValueIsRefusedWithTheKeyName() {
        Map<String, String> outOfRange = Map.of(
                "croupier.cache.backups", "4",
                "croupier.discovery.port", "70000",
                "croupier.client.port", "0",
                "croupier.cache.partitions", "0",
                "croupier.tx.timeoutMs", "99",
                "croupier.memory.maxSizeMb", "63",
                "croupier.failureDetectionTimeoutMs", "999",
                "croupier.cluster.baselineAutoAdjustMs", "-2",
                "croupier.threads.public", "1");
        outOfRange.forEach((key, value) -> assertThatThrownBy(() -> NodeSettings.of(Map.of(key, value)))
                .as("%s = %s", key, value).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(key));
    }

    @Test
    void anImpossibleCombinationIsRefused() {
        assertThatThrownBy(() -> NodeSettings.of(Map.of("croupier.money.amountMinorMax", "1000",
                "croupier.money.balanceMinorMax", "999"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeSettings.of(Map.of("croupier.commit.groupOperationsMax", "500",
                "croupier.commit.queueOperationsMax", "100"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeSettings.of(Map.of("croupier.discovery.addresses", " , ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("croupier.discovery.addresses");
    }

    @Test
    void overridesWinOverTheFileAndTheFileOverTheDefaults() throws IOException {
        Path file = Files.createTempFile("croupier-node", ".properties");
        try {
            Files.writeString(file, "croupier.cache.backups=2\ncroupier.tx.timeoutMs=7000\n");
            NodeSettings s = NodeSettings.load(file, Map.of("croupier.tx.timeoutMs", "8000"));
            assertThat(s.backups()).isEqualTo(2);
            assertThat(s.txTimeoutMs()).isEqualTo(8_000);
            assertThat(s.partitions()).isEqualTo(1_024);
            Files.writeString(file, "croupier.cache.bakups=2\n");
            assertThatThrownBy(() -> NodeSettings.load(file, Map.of())).hasMessageContaining("croupier.cache.bakups");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theShippedPropertiesFileListsExactlyEveryKeyWithItsDefault() throws IOException {
        Properties shipped = new Properties();
        try (Reader r = Files.newBufferedReader(SHIPPED_FILE)) {
            shipped.load(r);
        }
        Map<String, String> inFile = shipped.stringPropertyNames().stream()
                .collect(Collectors.toMap(k -> k, k -> shipped.getProperty(k).trim()));
        Map<String, String> inCode = Arrays.stream(NodeProperty.values())
                .collect(Collectors.toMap(p -> p.key, p -> p.defaultValue));
        assertThat(inFile).isEqualTo(inCode);
        NodeSettings.load(SHIPPED_FILE, Map.of());
    }

    @Test
    void theShippedPropertiesFileDocumentsEveryKeyWithItsDescription() throws IOException {
        String text = Files.readString(SHIPPED_FILE);
        for (NodeProperty p : NodeProperty.values()) {
            assertThat(text).as("comment above %s", p.key).contains("# " + p.description + "\n" + p.key + "=");
        }
    }
}
