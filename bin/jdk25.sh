# Sourced by ./softmax-lab, ./run-tests and .ci/run: selects a JDK 25 into JAVA_HOME or fails clearly.
is_jdk25() {
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ -f "$1/release" ] \
    && grep -qE '^JAVA_VERSION="25([."]|$)' "$1/release"
}
select_jdk25() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 \
                   /usr/lib/jvm/jdk-25 /usr/lib/jvm/temurin-25 "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    if is_jdk25 "$candidate"; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "error: Softmax Lab needs a JDK 25 and none was found (looked at \$JAVA_HOME and /usr/lib/jvm/*25*)." >&2
  echo "       Install Temurin 25 or set JAVA_HOME to a JDK 25." >&2
  return 1
}
