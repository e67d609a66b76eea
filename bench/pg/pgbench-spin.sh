#!/usr/bin/env bash
# PostgreSQL baseline for the wallet "spin" benchmark.
#
# Starts a throw-away PostgreSQL server, loads schema.sql (wallet / ledger /
# transfer + the spin() function), runs spin.pgbench with pgbench, checks the
# money invariants and prints one machine-readable line.
#
# Usage:
#   bench/pg/pgbench-spin.sh --wallets 10000 --clients 8 --seconds 20 \
#       --warmup-seconds 5 --sync on|off --workdir DIR [--port 55432]
#
# Output contract (parsed by the Java benchmark orchestrator):
#   stdout carries exactly one line, the last one:
#     RESULT tps=<float> p50_ms=<float> p99_ms=<float> p999_ms=<float> invariants=<ok|FAILED> sync=<on|off> clients=<n>
#   Everything else (progress, pgbench output, server log on failure) goes to
#   stderr. Exit status is 0 whenever a RESULT line was printed (a failed
#   invariant check is reported in-band as invariants=FAILED); on any other
#   failure no RESULT line is printed and the exit status is non-zero.
#
# The server and its data directory only live for the duration of the script:
# an EXIT trap stops the server and deletes everything it created under
# --workdir, on success, failure or signal.

set -Eeuo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SCHEMA_SQL="$SCRIPT_DIR/schema.sql"
SPIN_SCRIPT="$SCRIPT_DIR/spin.pgbench"

# Large enough that no wallet can run dry during a run, so every spin does the
# full amount of work (a rejected spin would be cheaper and skew the numbers).
INITIAL_BALANCE=1000000000000

log() { printf '[pgbench-spin %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() {
    sed -n '2,/^$/{s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}" >&2
    exit 2
}

# ---------------------------------------------------------------------------
# Arguments
# ---------------------------------------------------------------------------
WALLETS="" CLIENTS="" SECONDS_RUN="" WARMUP="" SYNC="" WORKDIR="" PORT=55432
while (($#)); do
    case "$1" in
        --wallets)        WALLETS=${2-};     shift 2 ;;
        --clients)        CLIENTS=${2-};     shift 2 ;;
        --seconds)        SECONDS_RUN=${2-}; shift 2 ;;
        --warmup-seconds) WARMUP=${2-};      shift 2 ;;
        --sync)           SYNC=${2-};        shift 2 ;;
        --workdir)        WORKDIR=${2-};     shift 2 ;;
        --port)           PORT=${2-};        shift 2 ;;
        -h|--help)        usage ;;
        *) log "unknown argument: $1"; usage ;;
    esac
done

is_uint() { [[ $1 =~ ^[0-9]+$ ]]; }
is_uint "$WALLETS"     && ((WALLETS > 0))     || die "--wallets must be a positive integer"
is_uint "$CLIENTS"     && ((CLIENTS > 0))     || die "--clients must be a positive integer"
is_uint "$SECONDS_RUN" && ((SECONDS_RUN > 0)) || die "--seconds must be a positive integer"
is_uint "$WARMUP"                             || die "--warmup-seconds must be a non-negative integer"
is_uint "$PORT" && ((PORT > 0 && PORT < 65536)) || die "--port must be a TCP port"
[[ $SYNC == on || $SYNC == off ]]             || die "--sync must be 'on' or 'off'"
[[ -n $WORKDIR ]]                             || die "--workdir is required"
# max_connections below is 100; keep headroom for the admin psql sessions.
((CLIENTS <= 90)) || die "--clients must be <= 90 (server max_connections = 100)"
[[ -r $SCHEMA_SQL && -r $SPIN_SCRIPT ]] || die "schema.sql / spin.pgbench not found next to $0"

# ---------------------------------------------------------------------------
# Locate (or install) the PostgreSQL binaries
# ---------------------------------------------------------------------------

# Prints the directory holding initdb, pg_ctl and postgres of one and the same
# major version, or fails. Debian's /usr/lib/postgresql/<ver>/bin is preferred
# (highest version); PATH is a fallback, with symlinks resolved so that all
# three come from the real install directory. Debian's pg_wrapper (what
# /usr/bin/psql etc. point to) is not a server binary and is skipped.
find_pg_bindir() {
    local d
    # sort -V so that e.g. 16 beats 9.6.
    while read -r d; do
        [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]] && { echo "$d"; return 0; }
    done < <(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV)

    local initdb_path
    initdb_path=$(command -v initdb 2>/dev/null) || return 1
    initdb_path=$(readlink -f "$initdb_path")
    [[ $(basename "$initdb_path") != pg_wrapper ]] || return 1
    d=$(dirname "$initdb_path")
    [[ -x $d/pg_ctl && -x $d/postgres ]] || return 1
    echo "$d"
}

pg_major() { "$1" --version | sed -n 's/.*(PostgreSQL) \([0-9]*\).*/\1/p'; }

apt_install() {
    ((EUID == 0)) || die "PostgreSQL is missing and we are not root; install package(s): $*"
    command -v apt-get >/dev/null || die "PostgreSQL is missing and apt-get is unavailable; install: $*"
    log "installing $* with apt-get"
    # A stale package index is the usual cause of a failed install; only then
    # pay for apt-get update.
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >&2; then
        log "apt-get install failed; running apt-get update and retrying"
        apt-get update >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >&2
    fi
}

if ! PG_BIN=$(find_pg_bindir); then
    apt_install postgresql
    PG_BIN=$(find_pg_bindir) || die "PostgreSQL server binaries still not found after install"
fi

# pgbench/psql from the server's own bin dir keep client and server versions
# in step; /usr/bin/pgbench (pg_wrapper) is the fallback.
find_client() {
    if [[ -x $PG_BIN/$1 ]]; then echo "$PG_BIN/$1"; else command -v "$1"; fi
}
if ! PGBENCH=$(find_client pgbench); then
    apt_install postgresql-contrib
    PGBENCH=$(find_client pgbench) || die "pgbench not found"
fi
PSQL=$(find_client psql) || die "psql not found"

SERVER_MAJOR=$(pg_major "$PG_BIN/postgres")
[[ $(pg_major "$PG_BIN/pg_ctl") == "$SERVER_MAJOR" && $(pg_major "$PG_BIN/initdb") == "$SERVER_MAJOR" ]] \
    || die "initdb / pg_ctl / postgres in $PG_BIN report different versions"
log "server binaries: $PG_BIN (PostgreSQL $SERVER_MAJOR); pgbench: $PGBENCH ($("$PGBENCH" --version))"

# ---------------------------------------------------------------------------
# OS user for the server (postgres refuses to run as root)
# ---------------------------------------------------------------------------
if ((EUID == 0)); then
    PG_USER=postgres
    if ! id "$PG_USER" >/dev/null 2>&1; then
        log "creating system user $PG_USER"
        useradd --system --user-group --no-create-home \
                --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_USER"
    fi
    as_pg() { runuser -u "$PG_USER" -- "$@"; }
else
    # Not root: the server simply runs as the invoking user.
    PG_USER=$(id -un)
    as_pg() { "$@"; }
fi

# ---------------------------------------------------------------------------
# Run directory + cleanup trap
# ---------------------------------------------------------------------------
mkdir -p "$WORKDIR"
WORKDIR=$(cd "$WORKDIR" && pwd)
RUN_DIR=$(mktemp -d "$WORKDIR/pgbench-spin.XXXXXX")
DATA_DIR="$RUN_DIR/data"
SOCKET_DIR="$RUN_DIR/sock"
SERVER_LOG="$RUN_DIR/server.log"
PGBENCH_PID=""
SERVER_STARTED=0

cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    set +e
    # Stop a still-running pgbench first so it does not spam errors (or keep
    # the script alive) once the server goes away.
    if [[ -n $PGBENCH_PID ]] && kill -0 "$PGBENCH_PID" 2>/dev/null; then
        kill "$PGBENCH_PID" 2>/dev/null
        wait "$PGBENCH_PID" 2>/dev/null
    fi
    if ((SERVER_STARTED)) || [[ -f $DATA_DIR/postmaster.pid ]]; then
        if ((rc != 0)) && [[ -f $SERVER_LOG ]]; then
            log "server log tail:"
            tail -n 30 "$SERVER_LOG" >&2
        fi
        # fast = roll back sessions and shut down cleanly; immediate as the
        # fallback because the data is thrown away anyway.
        as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m fast -w -t 60 stop >/dev/null 2>&1 \
            || as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m immediate -w -t 30 stop >/dev/null 2>&1
        if [[ -f $DATA_DIR/postmaster.pid ]]; then
            local pid
            pid=$(head -n 1 "$DATA_DIR/postmaster.pid")
            [[ $pid =~ ^[0-9]+$ ]] && kill -KILL "$pid" 2>/dev/null
        fi
        log "server stopped"
    fi
    rm -rf "$RUN_DIR"
    exit "$rc"
}
trap cleanup EXIT
# Turn signals into a normal exit so the EXIT trap does the cleanup.
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

mkdir -p "$DATA_DIR" "$SOCKET_DIR"
chmod 700 "$DATA_DIR"
[[ $PG_USER == "$(id -un)" ]] || chown -R "$PG_USER:" "$RUN_DIR"
# Fail fast with a clear message instead of a cryptic initdb error when the
# server user cannot reach --workdir (e.g. a workdir below /root). Silently
# moving the data elsewhere (say /tmp, possibly tmpfs) would change what the
# sync=on numbers mean.
as_pg test -w "$DATA_DIR" -a -w "$SOCKET_DIR" \
    || die "user $PG_USER cannot write to $RUN_DIR; pick a --workdir whose parents it can traverse"
# Unix socket paths are limited to 107 bytes; "/.s.PGSQL.<port>" adds up to 16.
((${#SOCKET_DIR} + 16 <= 107)) || die "--workdir path too long for a unix socket: $SOCKET_DIR"

FS_TYPE=$(stat -f -c %T "$DATA_DIR" 2>/dev/null || echo unknown)
log "run dir: $RUN_DIR (filesystem: $FS_TYPE)"
[[ $FS_TYPE != tmpfs ]] || log "WARNING: data dir is on tmpfs; fsync is free there, sync=on numbers are not meaningful"

# Postgres subprocesses inherit the cwd; the server user may not be able to
# read the caller's (e.g. /root).
cd "$RUN_DIR"

# ---------------------------------------------------------------------------
# initdb + start
# ---------------------------------------------------------------------------
if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; then
    die "something already accepts PostgreSQL connections on 127.0.0.1:$PORT; use --port"
fi

log "initdb"
# trust auth: the server only listens on 127.0.0.1 and a private socket dir
# and lives for one run. C locale: no collation cost on the text key.
# --no-sync: initdb otherwise fsyncs every file it wrote (~4 s on the bench
# VM) for a cluster that is thrown away; the run itself is unaffected, the
# server fsyncs its WAL and checkpoints as usual.
as_pg "$PG_BIN/initdb" -D "$DATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C --no-sync >"$RUN_DIR/initdb.log" 2>&1 \
    || { cat "$RUN_DIR/initdb.log" >&2; die "initdb failed"; }

# Appended settings override initdb's defaults (last one wins).
# Sized for the benchmark box: 2 cores, 24 GiB RAM.
as_pg tee -a "$DATA_DIR/postgresql.conf" >/dev/null <<EOF

# ---- pgbench-spin.sh ----
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCKET_DIR'
max_connections = 100
shared_buffers = 1GB
effective_cache_size = 16GB
work_mem = 16MB
maintenance_work_mem = 512MB
# Durability as in production: fsync stays on; only synchronous_commit varies
# (off = commit returns before the WAL flush, but the database never corrupts).
fsync = on
synchronous_commit = $SYNC
full_page_writes = on
# No replicas and no archiving: minimal WAL is the cheapest honest setting.
wal_level = minimal
max_wal_senders = 0
wal_buffers = 16MB
# Keep checkpoints out of a short run (they would add periodic latency spikes
# that depend on timing rather than on the workload).
checkpoint_timeout = 1h
max_wal_size = 4GB
min_wal_size = 1GB
checkpoint_completion_target = 0.9
# Short OLTP statements only; JIT just adds compile time to the checks.
jit = off
log_checkpoints = on
EOF

log "starting server on 127.0.0.1:$PORT (synchronous_commit=$SYNC)"
SERVER_STARTED=1
as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -l "$SERVER_LOG" -w -t 120 start >/dev/null \
    || die "pg_ctl start failed"

# All clients go over TCP to 127.0.0.1, like the grid's clients do over the
# network; the socket dir only keeps us off the system-wide /var/run/postgresql.
export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres PGDATABASE=postgres
psql_q() { "$PSQL" -X -q -v ON_ERROR_STOP=1 "$@"; }

log "loading schema, seeding $WALLETS wallets"
psql_q -v wallets="$WALLETS" -v initial_balance="$INITIAL_BALANCE" -f "$SCHEMA_SQL" >&2 \
    || die "loading schema.sql failed"

# ---------------------------------------------------------------------------
# pgbench
# ---------------------------------------------------------------------------

# Runs pgbench in the background and waits, so that a TERM/INT to this script
# is handled at once (bash defers traps while a foreground child runs).
# pgbench's summary (stdout) goes to file $1; its progress and errors (stderr)
# stream straight to our stderr.
run_pgbench() {
    local out=$1; shift
    "$PGBENCH" -n -M prepared -c "$CLIENTS" -j "$CLIENTS" \
        -D wallets="$WALLETS" -f "$SPIN_SCRIPT" "$@" >"$out" &
    PGBENCH_PID=$!
    local rc=0
    wait "$PGBENCH_PID" || rc=$?
    PGBENCH_PID=""
    cat "$out" >&2
    return "$rc"
}

if ((WARMUP > 0)); then
    log "warmup: ${WARMUP}s, $CLIENTS clients (discarded)"
    run_pgbench "$RUN_DIR/warmup.out" -T "$WARMUP" || die "warmup pgbench failed"
fi

log "measured run: ${SECONDS_RUN}s, $CLIENTS clients, synchronous_commit=$SYNC"
PROGRESS=$(( SECONDS_RUN >= 20 ? 10 : 5 ))
run_pgbench "$RUN_DIR/run.out" -T "$SECONDS_RUN" -P "$PROGRESS" \
    -l --log-prefix="$RUN_DIR/txlog" || die "measured pgbench failed"

# PostgreSQL >= 14 prints a single "tps = X (without initial connection time)".
TPS=$(awk '/^tps = .*without initial connection time/ {print $3; exit}' "$RUN_DIR/run.out")
[[ -n $TPS ]] || die "could not find tps in pgbench output"

# Per-transaction log lines: client_id tx_no latency_us script_no epoch epoch_us [...].
# Only numeric latencies count (PG 15 writes "failed"/"skipped" for others).
# Percentiles use the nearest-rank method: the smallest value with at least
# p*N values <= it.
shopt -s nullglob
TXLOGS=("$RUN_DIR"/txlog.*)
shopt -u nullglob
((${#TXLOGS[@]} > 0)) || die "pgbench wrote no per-transaction logs"
read -r TX_COUNT P50 P99 P999 < <(
    awk '$3 ~ /^[0-9]+$/ {print $3}' "${TXLOGS[@]}" | LC_ALL=C sort -n |
    awk '
        function rank(p,   r) { r = int(p * n); if (r < p * n) r++; return r < 1 ? 1 : r }
        { v[NR] = $1; n = NR }
        END {
            if (n == 0) { print 0, "nan", "nan", "nan"; exit }
            printf "%d %.3f %.3f %.3f\n", n, v[rank(0.5)] / 1000, v[rank(0.99)] / 1000, v[rank(0.999)] / 1000
        }'
)
((TX_COUNT > 0)) || die "no successful transactions in the per-transaction logs"
log "latency from $TX_COUNT logged transactions: p50=${P50}ms p99=${P99}ms p99.9=${P999}ms"

# ---------------------------------------------------------------------------
# Invariants
# ---------------------------------------------------------------------------
# 1. Double entry: all postings together sum to zero.
# 2. Every wallet's balance = initial balance + its WALLET postings.
# 3. Every transfer row has its postings and no posting lacks a transfer row
#    (an idempotency record without money movement, or vice versa, would mean
#    the claim and the transfer were not atomic).
log "checking invariants"
CHECK=$(psql_q -At -v initial_balance="$INITIAL_BALANCE" <<'SQL'
WITH wallet_postings AS (
    SELECT player_id, sum(amount) AS total
      FROM ledger
     WHERE account = 'WALLET'
     GROUP BY player_id
), ledger_transfers AS (
    SELECT DISTINCT transfer_id FROM ledger
)
SELECT concat_ws(' ',
    'ledger_sum='          || (SELECT coalesce(sum(amount), 0) FROM ledger),
    'wallet_mismatches='   || (SELECT count(*)
                                 FROM wallet w
                                 LEFT JOIN wallet_postings p USING (player_id)
                                WHERE w.balance <> :initial_balance + coalesce(p.total, 0)),
    'orphan_postings='     || (SELECT count(*)
                                 FROM wallet_postings p
                                WHERE NOT EXISTS (SELECT 1 FROM wallet w WHERE w.player_id = p.player_id)),
    'transfers='           || (SELECT count(*) FROM transfer),
    'ledger_transfers='    || (SELECT count(*) FROM ledger_transfers),
    'unmatched_transfers=' || (SELECT count(*)
                                 FROM transfer t
                                 FULL JOIN ledger_transfers l USING (transfer_id)
                                WHERE t.transfer_id IS NULL OR l.transfer_id IS NULL),
    'ledger_rows='         || (SELECT count(*) FROM ledger));
SQL
) || die "invariant query failed"
log "invariant check: $CHECK"

INVARIANTS=FAILED
if [[ $CHECK =~ (^| )ledger_sum=0( |$) && $CHECK =~ (^| )wallet_mismatches=0( |$) \
      && $CHECK =~ (^| )orphan_postings=0( |$) && $CHECK =~ (^| )unmatched_transfers=0( |$) ]]; then
    INVARIANTS=ok
fi

echo "RESULT tps=$TPS p50_ms=$P50 p99_ms=$P99 p999_ms=$P999 invariants=$INVARIANTS sync=$SYNC clients=$CLIENTS"
