#!/usr/bin/env bash
# Builds a self-contained app image (and with --deb a Debian package) with jpackage.
# Usage: packaging/jpackage.sh [--deb]     Output: target/package/
# The .deb installs to /opt/softmax-lab, puts `softmax-lab` on PATH (/usr/bin) and adds a menu entry
# where the system has a desktop menu (packaging/deb/postinst, prerm); it installs and removes cleanly
# on a minimal Debian without one.
# The package's Maintainer field is "Softmax Lab <SOFTMAX_LAB_MAINTAINER_EMAIL>"; set that variable when you
# publish a package: the default (.invalid) reaches nobody, by design.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
source "$ROOT/bin/jdk25.sh"
select_jdk25 || exit 1
cd "$ROOT"
./mvnw -B -q -ntp -DskipTests package
OUT="$ROOT/target/package"
INPUT="$OUT/input"
rm -rf "$OUT" && mkdir -p "$INPUT"
cp app/target/app.jar app/target/lib/*.jar "$INPUT/"
rm -f "$INPUT"/openjfx-monocle-*.jar   # patched into javafx.graphics below instead
cp -r sample-data "$OUT/sample-data"
# The lab pages (Help) and the start page's pictures are read from docs/ beside sample-data.
mkdir -p "$OUT/docs" && cp -r docs/labs docs/images "$OUT/docs/"
MONOCLE="$(ls app/target/lib/openjfx-monocle-*.jar | head -n 1)"
# Built on Linux for Linux: the heap on transparent huge pages (a flag only Linux's JVM knows; see the softmax-lab launcher)
OS_JAVA_OPTIONS=""
[ "$(uname -s)" = Linux ] && OS_JAVA_OPTIONS="-XX:+UseTransparentHugePages"
TYPE=app-image
[ "${1:-}" = "--deb" ] && TYPE=deb
MAINTAINER="${SOFTMAX_LAB_MAINTAINER_EMAIL:-maintainers@softmax-lab.invalid}"
EXTRA=()
[ "$TYPE" = deb ] && EXTRA=(--linux-package-deps "libgtk-3-0, libgl1" --linux-shortcut --linux-menu-group Education
  --linux-deb-maintainer "$MAINTAINER" --resource-dir packaging/deb
  --description "Softmax Lab: see how softmax, attention and MoE gating behave (kernels, precision, grokking, safe step sizes)")
jpackage --type "$TYPE" --name softmax-lab --app-version 0.1.0 --vendor "Softmax Lab" \
  --input "$INPUT" --main-jar app.jar --main-class lab.softmax.app.Launcher \
  --module-path "app/target/javafx" \
  --add-modules java.desktop,java.logging,java.prefs,jdk.incubator.vector,javafx.controls,javafx.swing \
  --app-content "$OUT/sample-data" --app-content "$OUT/docs" --app-content packaging/launcher \
  --java-options "--add-modules jdk.incubator.vector --enable-native-access=javafx.graphics,ALL-UNNAMED -Xss8m -XX:MaxGCPauseMillis=20 $OS_JAVA_OPTIONS" \
  --java-options "-Dsoftmaxlab.sampleData=\$APPDIR/../sample-data" \
  --icon packaging/softmax-lab.png \
  --dest "$OUT" "${EXTRA[@]}"
echo "built $TYPE in $OUT (Monocle for headless snapshots is not bundled: $MONOCLE)"
