package io.croupier.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs bin/runbook-check, the automatable steps of docs/operations.md on real node processes (3–4 `bin/croupier node`
 * processes, the control script, a snapshot restore, a rolling restart), so the runbook cannot rot. About 90 s.
 * An integration test (failsafe, after `package`): the scripts run the packaged jars and their lib folders.
 */
class RunbookCheckIT {

    @Test
    void theRunbookStepsPassOnAThreeProcessCluster() throws IOException, InterruptedException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path log = Files.createTempFile("runbook-check", ".log");
        ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/runbook-check").toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        // A port block of its own, below the OS's ephemeral range and apart from the other test grids.
        builder.environment().put("RUNBOOK_PORT_BASE", "30650");
        builder.environment().put("RUNBOOK_CLIENT_PORT", "30850");
        Process process = builder.start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);

        assertThat(finished).as("runbook-check finished in 15 min; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output).contains("RUNBOOK CHECK OK");
    }
}
