# shellcheck shell=bash
# Sourced by ./softmax-lab before it opens the window (never for headless commands).
# JavaFX's window toolkit needs GTK 3 and OpenGL system libraries that minimal Debian/Ubuntu images
# lack ("Unable to load glass GTK library"). Finds which ones are missing by running ldd on JavaFX's
# own native libraries, then installs them when run as root with apt, or prints the exact command.

# soname prefix -> Debian/Ubuntu package (apt resolves renamed packages such as libgtk-3-0t64 itself)
_gui_package_for() {
  case "$1" in
    libgtk-3.so*|libgdk-3.so*) echo libgtk-3-0 ;;
    libGL.so*|libGLX.so*) echo libgl1 ;;
    libEGL.so*) echo libegl1 ;;
    libX11.so*) echo libx11-6 ;;
    libXtst.so*) echo libxtst6 ;;
    libXxf86vm.so*) echo libxxf86vm1 ;;
    libXi.so*) echo libxi6 ;;
    libgdk_pixbuf-2.0.so*) echo libgdk-pixbuf-2.0-0 ;;
    libpango-1.0.so*|libpangocairo-1.0.so*|libpangoft2-1.0.so*) echo libpango-1.0-0 libpangocairo-1.0-0 libpangoft2-1.0-0 ;;
    libcairo.so*|libcairo-gobject.so*) echo libcairo2 libcairo-gobject2 ;;
    libatk-1.0.so*) echo libatk1.0-0 ;;
    libglib-2.0.so*|libgobject-2.0.so*|libgio-2.0.so*|libgthread-2.0.so*) echo libglib2.0-0 ;;
    libfreetype.so*) echo libfreetype6 ;;
    libfontconfig.so*) echo libfontconfig1 ;;
    *) echo libgtk-3-0 ;;   # unknown: GTK 3 pulls in most of the desktop stack
  esac
}

# Prints the packages whose libraries JavaFX's glass (GTK) and prism (OpenGL) libraries miss; nothing when all are there.
_gui_missing_packages() {
  local jar tmp missing
  jar="$(ls "$ROOT"/app/target/javafx/javafx-graphics-*-linux.jar 2>/dev/null | head -n 1)"
  [ -n "$jar" ] || return 0
  tmp="$(mktemp -d)"
  (cd "$tmp" && "$JAVA_HOME/bin/jar" xf "$jar" libglassgtk3.so libprism_es2.so libjavafx_font_pango.so libjavafx_font_freetype.so)
  missing="$(ldd "$tmp"/*.so 2>/dev/null | awk '/not found/ {print $1}' | sort -u)"
  rm -rf "$tmp"
  for lib in $missing; do _gui_package_for "$lib"; done | tr ' ' '\n' | sort -u | tr '\n' ' '
}

# Installs what is missing (root + apt) or says how to, exiting 2. Returns 0 when the window can start.
ensure_gui_libraries() {
  [ "$(uname -s)" = Linux ] || return 0
  [ -z "${SOFTMAX_LAB_SKIP_GUI_CHECK:-}" ] || return 0
  local packages
  packages="$(_gui_missing_packages)"
  [ -n "${packages// /}" ] || return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "softmax-lab: the window needs system libraries that are missing; installing: $packages" >&2
    # shellcheck disable=SC2086
    if ! { DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $packages >&2 \
           || { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $packages >&2; }; }; then
      echo "softmax-lab: installing $packages failed; see apt's message above" >&2
      exit 2
    fi
    return 0
  fi
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo "
  echo "softmax-lab: the window needs system libraries that are missing. Install them with:" >&2
  if command -v apt-get >/dev/null 2>&1; then
    echo "  ${sudo}apt-get install -y $packages" >&2
  else
    echo "  (the Debian/Ubuntu names:) $packages" >&2
  fi
  echo "then run ./softmax-lab again. Headless commands work without them: ./softmax-lab --help" >&2
  exit 2
}
