#!/bin/bash
# The JMH runs quoted for a many-core machine in docs/benchmarks.md, in order of importance, each
# under its own time limit so that a run cut short still leaves the parts before it: thread
# scaling (1/2/4/8/16 threads), the 8-layer scene against 8 full passes at 1 and all threads (flat,
# isolated group, clipping group), source-over against the memory floor and Java2D, and the
# costliest modes against source-over at 3840×2160. Uses a jlink'ed JDK carried as
# .jdk/jdk.tar.xz where the machine has none (see many-cores.sh for how to make it). Writes JMH's
# JSON and a log under $OUT (default ./bench-out).
#
#   mvn -q -DskipTests package && engine/benchmarks/scripts/many-cores-jmh.sh
set -u
. "$(dirname "$0")/carried-jdk.sh"
jar=$repo/engine/benchmarks/target/benchmarks.jar
cores=$(nproc)
{ echo "cores: $cores"; lscpu; "$java" -version 2>&1; } > "$out/machine.txt"
log=$out/log.txt

# part NAME SECONDS JMH-ARGS...: one JMH run, its JSON as NAME.json, its table appended to the log
part() {
  local name=$1 secs=$2; shift 2
  echo "== $name (limit ${secs}s) $(date -u +%T)" | tee -a "$log"
  timeout "$secs" "$java" -jar "$jar" "$@" -rf json -rff "$out/$name.json" > "$out/$name.run" 2>&1
  echo "   exit $? $(date -u +%T)" | tee -a "$log"
  sed -n '/^Benchmark /,$p' "$out/$name.run" | tee -a "$log"
  rm -f "$out/$name.run"
}

short=(-wi 2 -w 1s -i 3 -r 1s -f 1)
part scaling 120 "ScalingBenchmark" -p threads=1,2,4,8,16 -wi 3 -w 1s -i 5 -r 1s -f 1
part scene-flat 70 "SceneBenchmark" -p threads=1,$cores "${short[@]}"
part scene-groups 70 "SceneBenchmark.tiledRenderer" -p threads=1,$cores -p grouped=true -p clipping=false,true "${short[@]}"
part blend 100 "BlendBenchmark" -wi 3 -w 1s -i 5 -r 1s -f 1
part modes 110 "BlendBenchmark.blend" -p size=3840x2160 \
  -p mode=source-over,color-burn,divide,vivid-light,soft-light,hue,saturation,color,luminosity "${short[@]}"
