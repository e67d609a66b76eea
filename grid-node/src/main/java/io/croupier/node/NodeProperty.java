package io.croupier.node;

/**
 * Every setting of a grid node: key, default, and what it does (with its unit). config/croupier-node.properties
 * lists the same keys; a test keeps the two in step. An unknown key refuses start-up, so a typo is never ignored.
 */
enum NodeProperty {
    NAME("croupier.node.name", "croupier-node", "Ignite instance name; distinct per node in one JVM."),
    LOCAL_ADDRESS("croupier.node.localAddress", "127.0.0.1", "Address this node binds and advertises; set the host's own address on a multi-host cluster."),
    WORK_DIRECTORY("croupier.node.workDirectory", "var/grid", "Directory for persistence, WAL, snapshots and Ignite's work files."),
    DISCOVERY_ADDRESSES("croupier.discovery.addresses", "127.0.0.1:47500..47509", "Comma-separated host:port or host:from..to of the nodes to join (static IP finder); list every host of a multi-host cluster."),
    DISCOVERY_PORT("croupier.discovery.port", "47500", "First discovery port this node tries."),
    DISCOVERY_PORT_RANGE("croupier.discovery.portRange", "9", "How many ports after discovery.port it may take when that one is busy (several nodes on one host)."),
    COMMUNICATION_PORT("croupier.communication.port", "47100", "First communication (data) port."),
    COMMUNICATION_PORT_RANGE("croupier.communication.portRange", "9", "Extra communication ports for several nodes on one host."),
    CLIENT_PORT("croupier.client.port", "10800", "Thin client / JDBC / control.sh port."),
    CLIENT_PORT_RANGE("croupier.client.portRange", "9", "Extra thin client ports for several nodes on one host."),
    METRICS_PORT("croupier.metrics.port", "9100", "Prometheus scrape endpoint of this server node's Ignite metrics, http://localAddress:port/metrics; 0 = off."),
    METRICS_PORT_RANGE("croupier.metrics.portRange", "9", "Extra metrics ports for several nodes on one host; with none free the node runs without the endpoint."),
    PERSISTENCE("croupier.persistence.enabled", "true", "Ignite native persistence (durable data on disk). Off for the embedded demo and in-memory tests."),
    WAL_MODE("croupier.persistence.walMode", "LOG_ONLY", "FSYNC (every commit fsynced: survives power loss), LOG_ONLY (survives a process crash), BACKGROUND."),
    WAL_SEGMENT_SIZE_MB("croupier.persistence.walSegmentSizeMb", "64", "Size of one WAL segment, in MiB; Ignite preallocates ten of them."),
    DATA_REGION_MAX_MB("croupier.memory.maxSizeMb", "4096", "Off-heap memory for data and indexes, in MiB."),
    BACKUPS("croupier.cache.backups", "1", "Backup copies of every partition; 1 survives the loss of any one node."),
    PARTITIONS("croupier.cache.partitions", "1024", "Affinity partitions per cache (shared by all caches so colocated keys share one)."),
    INITIAL_NODES("croupier.cluster.initialNodes", "1", "A fresh persistent cluster activates itself once this many server nodes have joined; they form the first baseline."),
    BASELINE_AUTO_ADJUST_MS("croupier.cluster.baselineAutoAdjustMs", "60000", "Persistent clusters: after the server set has been stable this long, the baseline follows it (a node gone longer is dropped and its data re-backed up); -1 leaves the baseline to the administrator."),
    COMMIT_STRIPES("croupier.commit.stripes", "0", "Commit lanes per node; a partition always uses the same lane. 0 = one per two cores (a lane needs Ignite's own threads beside it; fewer lanes make larger groups)."),
    COMMIT_GROUP_OPERATIONS_MAX("croupier.commit.groupOperationsMax", "256", "Most money operations committed together in one transaction."),
    COMMIT_QUEUE_OPERATIONS_MAX("croupier.commit.queueOperationsMax", "20000", "Operations queued per lane before new ones are refused with OVERLOADED."),
    TX_TIMEOUT_MS("croupier.tx.timeoutMs", "5000", "A transaction running longer is rolled back (also bounds how long a topology change waits for transactions)."),
    PUBLIC_THREADS("croupier.threads.public", "8", "Threads running compute jobs (money batches wait here for their commit lane)."),
    SYSTEM_THREADS("croupier.threads.system", "4", "Ignite system threads."),
    FAILURE_DETECTION_TIMEOUT_MS("croupier.failureDetectionTimeoutMs", "10000", "A node silent this long is considered failed and leaves the cluster."),
    AMOUNT_MINOR_MAX("croupier.money.amountMinorMax", "1000000000000", "Largest amount of one money operation, in minor units."),
    BALANCE_MINOR_MAX("croupier.money.balanceMinorMax", "100000000000000", "Largest balance a wallet may hold, in minor units."),
    RISK_ENABLED("croupier.risk.enabled", "true", "Inline risk checks in the money transaction (account status, stake velocity, stake jumps); false only to measure their cost."),
    RISK_STAKES_PER_SECOND_MAX("croupier.risk.stakesPerSecondMax", "50", "Most bets and spins one player may make in one clock second; more are refused with VELOCITY_EXCEEDED."),
    RISK_STAKES_PER_MINUTE_MAX("croupier.risk.stakesPerMinuteMax", "1000", "Most bets and spins one player may make in one clock minute; more are refused with VELOCITY_EXCEEDED."),
    RISK_STAKE_JUMP_FACTOR_MAX("croupier.risk.stakeJumpFactorMax", "100", "A bet or spin above this many times the player's recent average stake is refused with RISK_HELD; 0 = off."),
    RISK_STAKE_JUMP_HISTORY_STAKES_MIN("croupier.risk.stakeJumpHistoryStakesMin", "20", "Stakes a player must have made before the stake-jump rule judges their stakes."),
    RISK_DEPOSITS_PER_DAY_MAX("croupier.risk.depositsPerDayMax", "20", "Most deposits one player may make per calendar day (UTC); more are refused with VELOCITY_EXCEEDED."),
    RISK_DECLINED_DEPOSITS_MAX("croupier.risk.declinedDepositsMax", "5", "This many deposits declined by the payment provider within the window lock the player's deposits (DEPOSITS_LOCKED); 1..100."),
    RISK_DECLINED_DEPOSITS_WINDOW_MS("croupier.risk.declinedDepositsWindowMs", "600000", "Window of the declined-deposit lock, in milliseconds; the lock ends when enough declines have left it (or an administrator clears it)."),
    DETECT_ENABLED("croupier.detect.enabled", "true", "Near-real-time fraud and AML detection on this server node (its commit lanes feed a local detector; alerts in FRAUD_ALERT); false turns it off here."),
    DETECT_THREADS("croupier.detect.threads", "1", "Detector threads per node; a player's events always go to the same one, in commit order."),
    DETECT_QUEUE_EVENTS_MAX("croupier.detect.queueEventsMax", "100000", "Events waiting per detector thread; beyond it new events are dropped and counted (the commit lane never waits) and the sweep catches up."),
    DETECT_SWEEP_PERIOD_MS("croupier.detect.sweepPeriodMs", "300000", "How often each node sweeps its primary partitions for players whose activity missed events (a local scan of TRANSFER), in ms."),
    DETECT_RETRAIN_PERIOD_MS("croupier.detect.retrainPeriodMs", "3600000", "How often the oldest server retrains the anomaly model from all players (a colocated map-reduce), in ms."),
    SLOTS_DIRECTORY("croupier.games.slotsDirectory", "config/slots", "Directory of slot game definitions (*.json); a missing directory offers no slots."),
    TABLES_FILE("croupier.games.tablesFile", "config/roulette-tables.json", "Roulette tables to run (JSON); a missing file runs no tables."),
    TABLE_ROUND_PAUSE_MS("croupier.tables.roundPauseMs", "3000", "Pause after a settled round before the next one opens (players see the result)."),
    TABLE_RESUME_WINDOW_MS("croupier.tables.resumeWindowMs", "60000", "After a failover, an OPEN round more than this long past its closing time is refunded instead of completed."),
    TABLE_SETTLE_CHUNK_OPERATIONS("croupier.tables.settleChunkOperations", "2000", "Payouts a table has in flight at once while settling a round."),
    TABLE_CHAIN_LENGTH("croupier.tables.chainLength", "10000", "Rounds per table seed chain; a new chain (and commitment) follows.");

    final String key;
    final String defaultValue;
    final String description;

    NodeProperty(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }
}
