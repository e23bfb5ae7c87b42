# Sourced by ./portal and .ci/run: points JAVA_HOME at a JDK >= 21 (the build compiles --release 21).
# Order: JAVA_HOME if it is new enough, then the newest JDK under the usual install folders, then the
# javac on PATH. Fails with a clear message when none is found.

jdk_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]) }'
}

find_jdk() {
  local best="" best_major=0 candidate major
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    candidates+=("$candidate")
  done
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(jdk_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(jdk_major "$candidate")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  [ -n "$best" ] && echo "$best"
}

JAVA_HOME_FOUND=$(find_jdk)
if [ -z "$JAVA_HOME_FOUND" ]; then
  echo "Klantportaal needs a JDK 21 or newer (the default java here may be older)." >&2
  echo "Install one (e.g. Temurin 21) or set JAVA_HOME to it, then run this again." >&2
  exit 1
fi
export JAVA_HOME="$JAVA_HOME_FOUND"
export PATH="$JAVA_HOME/bin:$PATH"
