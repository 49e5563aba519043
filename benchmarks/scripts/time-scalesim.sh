#!/usr/bin/env bash
# Wall time of `coex scalesim` on SCALE-Sim's alexnet.csv with scale.cfg (JVM start included),
# 5 runs after one warm-up. SCALE-Sim itself takes over two minutes on this input here.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
ref="${1:-$here/../shared/reference/scalesim}"
out="$(mktemp -d)"
"$here/coex" scalesim -c "$ref/configs/scale.cfg" -t "$ref/topologies/alexnet.csv" -p "$out" >/dev/null
for i in 1 2 3 4 5; do
  s=$(date +%s%N)
  "$here/coex" scalesim -c "$ref/configs/scale.cfg" -t "$ref/topologies/alexnet.csv" -p "$out" >/dev/null
  e=$(date +%s%N)
  echo "run $i: $(( (e - s) / 1000000 )) ms"
done
rm -rf "$out"
