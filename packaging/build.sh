#!/usr/bin/env bash
# Builds the workbench as a jpackage app-image and, on Debian/Ubuntu, a .deb.
#   packaging/build.sh            # both
#   packaging/build.sh app-image  # just the app-image (no root tools needed)
# Output: packaging/target/Blendbench/ (app-image) and packaging/target/blendbench_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
what="${1:-all}"
version="$(sed -n 's:.*<version>\([0-9.]*\)-SNAPSHOT</version>.*:\1:p' pom.xml | head -1)"
version="${version:-0.1.0}"

mvn -q -B -DskipTests package
stage=packaging/target/input
rm -rf packaging/target
mkdir -p "$stage"
cp app/target/blendbench.jar "$stage/"
cp -r app/target/lib "$stage/lib"

# No --add-modules=jdk.incubator.vector in the launcher's options: the JVM would print its
# incubator-module warning on every command (a second line on stderr, where a bad argument gets
# one). The workbench and cliff start a child JVM with the module (runtime/bin/java) and the
# stress workload JVM always has it; one-shot commands use the scalar kernels anyway.
common=(--name Blendbench --app-version "$version" --vendor "Blendbench"
        --description "Compositing workbench: compose, stress, find the cliff, see the races"
        --input "$stage" --main-jar blendbench.jar --main-class dev.blendbench.app.Main
        --java-options "--enable-native-access=ALL-UNNAMED"
        --add-modules "java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.scripting,java.sql,java.xml,jdk.incubator.vector,jdk.jfr,jdk.management,jdk.unsupported,jdk.zipfs,jdk.crypto.ec"
        --jlink-options "--strip-debug --no-header-files --no-man-pages --compress=zip-6"
        --dest packaging/target)

if [[ "$what" == all || "$what" == app-image ]]; then
  jpackage --type app-image "${common[@]}"
  echo "app-image: packaging/target/Blendbench/bin/Blendbench ($(du -sh packaging/target/Blendbench | cut -f1))"
fi
if [[ "$what" == all || "$what" == deb ]]; then
  jpackage --type deb "${common[@]}" --linux-package-name blendbench --linux-shortcut \
           --linux-menu-group Graphics --linux-package-deps libgtk-3-0 \
           --file-associations packaging/ora.properties --file-associations packaging/psd.properties \
           --resource-dir packaging/resources
  echo "deb: $(ls packaging/target/*.deb)"
fi
