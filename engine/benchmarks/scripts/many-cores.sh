#!/bin/bash
# Runs parts of the benchmark suite on a machine that has no JDK of its own (the 16-core device
# machine): unpacks a jlink'ed JDK 25 carried as .jdk/jdk.tar.xz, then runs each part with its
# own time limit, writing tables and JMH JSON under $OUT (default ./bench-out).
#
#   engine/benchmarks/scripts/many-cores.sh [SUITE-ARGS...] -- PART:SECONDS...
#   e.g. many-cores.sh -- scaling:240 scene:150
#
# Make the JDK here with:
#   jlink --add-modules java.base,java.desktop,java.management,jdk.management,java.logging,\
#     jdk.unsupported,jdk.incubator.vector,java.naming,java.xml,jdk.attach,java.instrument \
#     --strip-debug --no-man-pages --no-header-files --output /tmp/jdkimg
#   tar -C /tmp -cJf .jdk/jdk.tar.xz jdkimg
set -u
. "$(dirname "$0")/carried-jdk.sh"
suite_args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do suite_args+=("$1"); shift; done
[ $# -gt 0 ] && shift
{ nproc; lscpu; "$java" -version 2>&1; } > "$out/machine.txt"
cd "$out"
for part in "$@"; do
  name=${part%%:*}; secs=${part##*:}
  echo "== $name (limit ${secs}s) $(date -u +%T)"
  timeout "$secs" "$java" --add-modules jdk.incubator.vector -cp "$repo/engine/benchmarks/target/benchmarks.jar" \
    dev.blendbench.bench.Suite "${suite_args[@]}" --only "$name" > "$out/$name.txt" 2>&1
  echo "   exit $? $(date -u +%T)"
  grep -E '^\||^##' "$out/$name.txt"
done
