#!/usr/bin/env bash
# Issue 25's figures, from the repository root (after a build: ./coex --help builds everything):
#   benchmarks/scripts/cluster-figures.sh [OUT] [PHASE...]     (default OUT: ../runs/cluster-figures; PHASES: all of them)
# Phases:
#   overhead  the 1,200,000-point ResNet-50 systolic grid (benchmarks/cluster-sweep-1m.yaml) plain, then on
#             --master local[2], in one run; their pareto.csv compared byte for byte
#   scaling   the same grid on local[1] and on a standalone cluster of two one-core workers (127.0.0.1)
#   large     the 10,800,000-point grid (benchmarks/cluster-sweep-10m.yaml) on local[2], with peak RSS
#   compare   a 4-run coex compare: plain (one after the other), on local[2], and on the two-worker cluster
# Each run's wall time and peak RSS (GNU time) go to OUT/times.tsv; logs in OUT/<run>.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
out=$(realpath -m "${1:-../runs/cluster-figures}"); shift || true
phases=("$@"); [ ${#phases[@]} -gt 0 ] || phases=(overhead scaling large compare)
mkdir -p "$out"
[ -f cluster/target/coex-cluster.jar ] && [ -f dance/target/coex.jar ] || ./coex --help > /dev/null
lib="$root/cluster/target/lib"
opts="@$root/cluster/spark-jvm-options.txt"
cp="$lib/*:$root/dance/target/coex.jar:$root/cluster/target/coex-cluster.jar"
export OMP_WAIT_POLICY=PASSIVE

# coex as ./coex runs it: without Spark's jars unless the command has --master
plain=(java -Djava.awt.headless=true -Dai.djl.offline=true -jar "$root/dance/target/coex.jar")
spark=(java "$opts" -Djava.awt.headless=true -Dai.djl.offline=true -cp "$cp" org.coex.dance.cli.Main)
# timed NAME ARGS...: runs coex ARGS with GNU time, appends "NAME  seconds  peak-RSS-MB" to times.tsv
timed() {
  local name=$1; shift
  local coex=("${plain[@]}"); [[ " $* " == *" --master "* ]] && coex=("${spark[@]}")
  /usr/bin/time -f "%e %M" -o "$out/$name.time" "${coex[@]}" "$@" > "$out/$name.log" 2>&1 || { echo "error: $name failed; see $out/$name.log" >&2; exit 1; }
  read -r secs kb < "$out/$name.time"
  printf '%s\t%s\t%d\n' "$name" "$secs" "$((kb / 1024))" | tee -a "$out/times.tsv"
}

# A standalone cluster of two one-core workers on 127.0.0.1, stopped (by process id) when the script ends.
pids=()
stop_cluster() { for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done; wait 2> /dev/null || true; pids=(); }
trap stop_cluster EXIT
start_cluster() {
  local home="$out/spark-home" port=17077 ui=18080
  mkdir -p "$home/jars" && : > "$home/RELEASE"
  for j in "$lib"/*.jar; do ln -sf "$j" "$home/jars/"; done
  export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
  java "$opts" -Xmx512m -cp "$lib/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port $port --webui-port $ui > "$out/master.log" 2>&1 &
  pids+=($!)
  for i in 1 2; do
    mkdir -p "$out/worker-$i"
    java "$opts" -Xmx512m -cp "$lib/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 3g \
      --webui-port $((ui + i)) --work-dir "$out/worker-$i" "spark://127.0.0.1:$port" > "$out/worker-$i.log" 2>&1 &
    pids+=($!)
  done
  for _ in $(seq 120); do   # at most 60 s
    python3 - "$ui" <<'PY' && { master="spark://127.0.0.1:$port"; return 0; } || sleep 0.5
import json, sys, urllib.request
try: sys.exit(0 if json.load(urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/json/", timeout=2))["aliveworkers"] >= 2 else 1)
except Exception: sys.exit(1)
PY
  done
  echo "error: the standalone cluster did not come up; see $out/master.log" >&2; exit 1
}

for phase in "${phases[@]}"; do
  case $phase in
    overhead)
      timed sweep-1m-plain sweep benchmarks/cluster-sweep-1m.yaml -o "$out/sweep-1m-plain"
      timed sweep-1m-local2 sweep benchmarks/cluster-sweep-1m.yaml -o "$out/sweep-1m-local2" --master 'local[2]'
      cmp "$out/sweep-1m-plain/pareto.csv" "$out/sweep-1m-local2/pareto.csv" && echo "pareto.csv: the same bytes" ;;
    scaling)
      timed sweep-1m-local1 sweep benchmarks/cluster-sweep-1m.yaml -o "$out/sweep-1m-local1" --master 'local[1]'
      start_cluster
      timed sweep-1m-standalone2 sweep benchmarks/cluster-sweep-1m.yaml -o "$out/sweep-1m-standalone2" --master "$master"
      stop_cluster ;;
    large)
      timed sweep-10m-local2 sweep benchmarks/cluster-sweep-10m.yaml -o "$out/sweep-10m-local2" --master 'local[2]' ;;
    compare)
      # four searches of about a minute each (alone); a finished comparison would only be read back, so each starts afresh
      rm -rf "$out"/compare4-* "$out/compare-spec"
      spec="$out/compare.yaml"
      printf '%s\n' "search: {space: $root/benchmarks/nas-tiny-space.yaml, train_limit: 2048, validation: 512, epochs: 4, warmup_epochs: 1, batch_size: 32}" \
        "hardware: {template: systolic, space: {rows: [8, 16, 32], cols: [8, 16, 32], dataflow: [os, ws]}}" \
        "objective: latency" "lambda: 0.1" "constraints: {latency_ms: 0.05}" "retrain_epochs: 0" "output: $out/compare-spec" > "$spec"
      runs=(--method soft,hdx --lambda 0.01,0.1)
      timed compare4-plain compare "$spec" "${runs[@]}" -o "$out/compare4-plain"
      timed compare4-local2 compare "$spec" "${runs[@]}" -o "$out/compare4-local2" --master 'local[2]'
      start_cluster
      timed compare4-standalone2 compare "$spec" "${runs[@]}" -o "$out/compare4-standalone2" --master "$master"
      stop_cluster
      cmp "$out/compare4-plain/comparison.csv" "$out/compare4-standalone2/comparison.csv" && echo "comparison.csv: the same bytes" ;;
    *) echo "error: unknown phase '$phase'; phases are overhead, scaling, large, compare" >&2; exit 2 ;;
  esac
done
