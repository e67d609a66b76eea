#!/usr/bin/env bash
# An interactive SQL shell (sqlline) on a running Croupier grid over Ignite's thin JDBC driver.
#   bin/sqlline.sh                                   connects to jdbc:ignite:thin://127.0.0.1:10800
#   bin/sqlline.sh -u jdbc:ignite:thin://HOST:10800  another node (any sqlline option is passed on)
#   bin/sqlline.sh -f report.sql                     runs a script and exits
# Every table is in schema CROUPIER (sql/README.md); `SELECT * FROM SYS.TABLES` lists them (sqlline's !tables
# does not). Builds the tools module when missing. Extra JVM options: CROUPIER_TOOLS_JAVA_OPTS.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
build_if_missing tools
url_given=false
user_given=false
for arg in "$@"; do
  [[ "$arg" == "-u" || "$arg" == --url=* ]] && url_given=true
  [[ "$arg" == "-n" ]] && user_given=true
done
defaults=(-d org.apache.ignite.IgniteJdbcThinDriver --maxWidth="${COLUMNS:-200}")
[[ "$url_given" == true ]] || defaults+=(-u "${CROUPIER_JDBC_URL:-jdbc:ignite:thin://127.0.0.1:10800}")
# No authentication by default (see docs/operations.md): an empty user, not a prompt. With it on: -n USER -p PASS.
[[ "$user_given" == true ]] || defaults+=(-n "" -p "")
# Without a terminal (a pipe, a script, CI) sqlline falls back to a plain one: say so up front, without a warning.
jvm_extra=()
[[ -t 0 && -t 1 ]] || jvm_extra+=(-Dorg.jline.terminal.dumb=true)
exec "$JAVA" @"$ROOT/config/jvm.opts" ${CROUPIER_TOOLS_JAVA_OPTS:--Xmx512m} -Djava.net.preferIPv4Stack=true ${jvm_extra[@]+"${jvm_extra[@]}"} \
  -cp "$(classpath tools)" sqlline.SqlLine "${defaults[@]}" "$@"
