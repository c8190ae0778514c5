#!/bin/sh
# Builds a self-contained runtime image: a jlinked JDK with the JavaFX modules, the app and its (non-modular)
# libraries on the class path of two launchers, bin/ncw (CLI) and bin/ncw-gui (workbench), plus the samples.
#
#   jlink/build-image.sh            # uses target/ncw.jar + target/lib (runs `mvn package -DskipTests` if missing)
#   jlink/build/ncw-image/bin/ncw info samples/speech-pink-22k.noisy.wav
#   jlink/build/ncw-image/bin/ncw-gui
#
# Needs a JDK 17+ with jmods (JAVA_HOME, or the jlink on PATH). Output: jlink/build/ncw-image (git-ignored).
set -eu
cd "$(dirname "$0")/.."
if [ -n "${JAVA_HOME:-}" ]; then
    JLINK="$JAVA_HOME/bin/jlink"
else
    JLINK=$(command -v jlink)
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$JLINK")")")
fi
[ -d "$JAVA_HOME/jmods" ] || { echo "error: $JAVA_HOME has no jmods folder (install the JDK's jmods)" >&2; exit 1; }
[ -f target/ncw.jar ] && [ -d target/lib ] || mvn -B -q package -DskipTests

OUT=jlink/build/ncw-image
rm -rf "$OUT"
mkdir -p jlink/build

# The org.openjfx platform jars (classifier "linux", "win", "mac") are modular and carry their native libraries.
FX_PATH=$(ls target/lib/javafx-*-linux*.jar target/lib/javafx-*-win*.jar target/lib/javafx-*-mac*.jar 2>/dev/null \
    | tr '\n' ':')
[ -n "$FX_PATH" ] || { echo "error: no platform JavaFX jars in target/lib" >&2; exit 1; }

# JDK modules: what `jdeps --print-module-deps` reports for the app and its libraries, plus java.desktop
# (javax.sound, ImageIO), java.logging and the JavaFX modules.
MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.sql,java.xml,jdk.jfr,\
jdk.unsupported,jdk.unsupported.desktop,javafx.base,javafx.graphics,javafx.controls,javafx.swing

"$JLINK" --module-path "$JAVA_HOME/jmods:$FX_PATH" --add-modules "$MODULES" \
    --strip-debug --no-header-files --no-man-pages --compress=2 --output "$OUT"

mkdir -p "$OUT/app/lib"
cp target/ncw.jar "$OUT/app/"
for jar in target/lib/*.jar; do
    case "$(basename "$jar")" in
        javafx-*) ;;                                   # already modules of the image
        *-windows-*|*-macosx-*) ;;                     # other platforms' natives
        *) cp "$jar" "$OUT/app/lib/" ;;
    esac
done
cp -r samples "$OUT/samples"

write_launcher() {
    cat > "$OUT/bin/$1" <<LAUNCHER
#!/bin/sh
# $3
HOME_DIR=\$(cd "\$(dirname "\$0")/.." && pwd)
exec "\$HOME_DIR/bin/java" \${NCW_JAVA_OPTS:--Xmx3g} -Dncw.samples="\$HOME_DIR/samples" \\
    -cp "\$HOME_DIR/app/ncw.jar:\$HOME_DIR/app/lib/*" $2 "\$@"
LAUNCHER
    chmod +x "$OUT/bin/$1"
}
write_launcher ncw org.ncw.cli.NcwMain "Noise Clustering Workbench command line"
write_launcher ncw-gui org.ncw.ui.app.WorkbenchLauncher "Noise Clustering Workbench (JavaFX)"

echo "runtime image: $OUT ($(du -sh "$OUT" | cut -f1))"
echo "  $OUT/bin/ncw --help"
echo "  $OUT/bin/ncw-gui"
