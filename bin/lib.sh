# Shared by the bin/ scripts (sourced, not run): where the project is, building a module's classpath when it is
# missing, and the java launcher with the JVM flags Ignite needs on Java 17 (config/jvm.opts).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

build_if_missing() {
  local module="$1"
  if [[ ! -d "$ROOT/$module/target/lib" || -z "$(ls "$ROOT/$module"/target/*.jar 2>/dev/null)" ]]; then
    echo "Building $module (first run)..." >&2
    (cd "$ROOT" && ./mvnw -q -B -DskipTests -pl "$module" -am package >&2)
  fi
}

classpath() {
  local module="$1"
  echo "$(ls "$ROOT/$module"/target/*.jar | grep -v -- '-sources' | head -1):$ROOT/$module/target/lib/*"
}
