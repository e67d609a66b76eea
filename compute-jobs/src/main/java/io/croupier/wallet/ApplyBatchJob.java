package io.croupier.wallet;

import java.util.ArrayList;
import java.util.List;
import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;

/** Carries a batch of money operations to the node that owns their partitions and applies them there. */
final class ApplyBatchJob implements IgniteCallable<List<MoneyResult>> {
    private static final long serialVersionUID = 1L;

    private final ArrayList<MoneyRequest> requests;

    @IgniteInstanceResource
    private transient Ignite ignite;

    ApplyBatchJob(List<MoneyRequest> requests) {
        this.requests = new ArrayList<>(requests);
    }

    @Override
    public List<MoneyResult> call() {
        return GroupCommitter.of(ignite).applyAndWait(requests);
    }
}
