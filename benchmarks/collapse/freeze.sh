#!/usr/bin/env bash
# Copies the built app into DIR and writes DIR/softmax-lab, a launcher that never rebuilds: long
# background runs then keep their code while the sources change.  Usage: freeze.sh DIR
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIR=$1
mkdir -p "$DIR"
cp -r "$ROOT/app/target/app.jar" "$ROOT/app/target/lib" "$ROOT/app/target/javafx" "$DIR/"
cat > "$DIR/softmax-lab" <<EOS
#!/usr/bin/env bash
source "$ROOT/bin/jdk25.sh"; select_jdk25 >/dev/null
exec "\$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xss8m \${SOFTMAX_LAB_JAVA_OPTS:-} \
  -cp "$DIR/app.jar:$DIR/lib/*:$DIR/javafx/*" lab.softmax.app.Launcher "\$@" 2> >(grep -v 'Using incubator modules' >&2)
EOS
chmod +x "$DIR/softmax-lab"
echo "$DIR/softmax-lab"
