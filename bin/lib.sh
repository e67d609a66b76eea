# Shared by the bin/ scripts (sourced, not run): where the project is, building a module's classpath when it is
# missing, and the java launcher with the JVM flags Ignite needs on Java 17 (config/jvm.opts).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Builds the module (and the modules it needs) when its jar is missing, or older than any source or POM of the
# project: after a pull or an edit the scripts never run yesterday's classes against today's configuration.
build_if_missing() {
  local module="$1" jar
  jar="$(ls "$ROOT/$module"/target/*.jar 2>/dev/null | grep -v -- '-sources' | head -1 || true)"
  if [[ ! -d "$ROOT/$module/target/lib" || -z "$jar" ]]; then
    echo "Building $module (first run)..." >&2
  elif [[ -n "$(cd "$ROOT" && find pom.xml ./*/pom.xml ./*/src -newer "$jar" -type f -print -quit 2>/dev/null)" ]]; then
    echo "Building $module (sources changed since its last build)..." >&2
  else
    return 0
  fi
  (cd "$ROOT" && ./mvnw -q -B -DskipTests -pl "$module" -am package >&2)
  # Maven leaves an unchanged jar as it was: mark it built now, or the next run would build again.
  touch "$(ls "$ROOT/$module"/target/*.jar | grep -v -- '-sources' | head -1)"
}

classpath() {
  local module="$1"
  echo "$(ls "$ROOT/$module"/target/*.jar | grep -v -- '-sources' | head -1):$ROOT/$module/target/lib/*"
}
