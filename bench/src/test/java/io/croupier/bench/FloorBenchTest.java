package io.croupier.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The floor runs the real money transaction on a real node: every combination commits, and the audit passes. */
class FloorBenchTest {
    @Test
    void measuresEachCombinationOnANodeWhoseLedgerStillBalances(@TempDir Path work) {
        FloorBench floor = new FloorBench();
        int exit = new CommandLine(floor).execute("--configs", "mem1", "--threads", "1,2", "--group", "4",
                "--wallets", "300", "--seconds", "1", "--warmup-seconds", "1", "--baseline", "none",
                "--policies", "product", "--ports", "30500,30600,30700", "--root", Path.of("..").toAbsolutePath().toString(),
                "--workdir", work.toString());

        assertThat(exit).isZero();
        assertThat(floor.rows).extracting(FloorBench.Row::threads).containsExactly(1, 2);
        assertThat(floor.rows).allSatisfy(r -> {
            assertThat(r.setup()).isEqualTo("mem1");
            assertThat(r.group()).isEqualTo(4);
            assertThat(r.opsPerSecond()).isPositive();
            assertThat(r.processUsPerOp()).isPositive();
            assertThat(r.ceiling()).isPositive();
        });
    }

    @Test
    void refusesAnUnknownPolicySetOrBaselineBeforeStartingAnything() {
        FloorBench floor = new FloorBench();
        assertThat(new CommandLine(floor).execute("--configs", "mem1", "--policies", "some", "--baseline", "none"))
                .isNotZero();
        assertThat(new CommandLine(floor).execute("--configs", "mem1", "--baseline", "mysql")).isNotZero();
        assertThat(floor.rows).isEmpty();
    }
}
