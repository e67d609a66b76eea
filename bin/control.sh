#!/usr/bin/env bash
# Ignite's own control utility (ignite-control-utility) against a running Croupier grid. It connects to a node's
# thin client port: 127.0.0.1:10800 unless --host/--port say otherwise. Examples (docs/operations.md has the runbook):
#   bin/control.sh --state                      bin/control.sh --baseline
#   bin/control.sh --cache idle_verify          bin/control.sh --tx --info
#   bin/control.sh --snapshot create NAME --sync
#   bin/control.sh --metric cache.wallet.CacheGets      bin/control.sh --system-view NODES
# Builds the tools module when missing. Extra JVM options: CROUPIER_TOOLS_JAVA_OPTS.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
build_if_missing tools
exec "$JAVA" @"$ROOT/config/jvm.opts" ${CROUPIER_TOOLS_JAVA_OPTS:--Xmx512m} -Djava.net.preferIPv4Stack=true \
  -DIGNITE_UPDATE_NOTIFIER=false -Djava.util.logging.config.file="$ROOT/config/tools-logging.properties" -cp "$(classpath tools)" org.apache.ignite.internal.commandline.CommandHandler "$@"
