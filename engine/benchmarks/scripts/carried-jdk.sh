# Sourced by the many-cores scripts: sets repo (the checkout), out ($OUT, default ./bench-out,
# created) and java — the jlink'ed JDK carried as .jdk/jdk.tar.xz, unpacked, where there is one
# (a machine with no JDK of its own), else the java on the PATH.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
out=${OUT:-$repo/bench-out}
mkdir -p "$out"
java=java
if [ -f "$repo/.jdk/jdk.tar.xz" ]; then
  mkdir -p /tmp/bbjdk && tar -C /tmp/bbjdk -xJf "$repo/.jdk/jdk.tar.xz" && java=/tmp/bbjdk/jdkimg/bin/java
fi
