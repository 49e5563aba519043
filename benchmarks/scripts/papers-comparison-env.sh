# Settings shared by papers-comparison.sh and papers-comparison-learned.sh (sourced from the repository root).
spec=${SPEC:-benchmarks/papers-comparison.yaml}
space=${SPACE:-examples/space-fmnist-width.yaml}
resize=${RESIZE:-14,14}   # the spec's data.resize: the networks are retrained on the images they were searched on
# lambda grid: at 14 x 14 with alpha_lr 0.05, soft at 0.0001-0.001 returned the widest networks and missed
# six of the eight sets it had run, 0.003 five (2026-12-03; those runs are kept in OUT/published-extra-lambdas),
# so the grid reaches up to 0.1, where the 28 x 28 runs had found the narrowest network; hdx's lambda is
# small enough that its limits, not the cost term, decide how far the network shrinks.
lambdas=${LAMBDAS:-0.001,0.003,0.01,0.03,0.1}
hdx_lambda=${HDX_LAMBDA:-0.001}
seeds=${SEEDS:-1 2 3}
epochs=${RETRAIN_EPOCHS:-6}
images=${RETRAIN_IMAGES:-10000}   # 0: all 60,000 training images
jobs=${JOBS:-2}                   # searches and retrainings at once, one PyTorch thread each
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
# coex and the benchmarks from OUT's own copy of the jars (papers-comparison.sh makes it)
coex() { java -Djava.awt.headless=true -Dai.djl.offline=true -jar "$out/coex.jar" "$@"; }
jar="$out/benchmarks.jar"
retrained=()
for seed in $seeds; do retrained+=(--retrained "$out/retrained/s$seed"); done

# Runs each argument (a command line, which may call coex) as a job, at most $jobs at a time, its
# output in $out/logs/; after all have ended, names the logs of the ones that failed and fails.
run_jobs() {
  local n=0 cmd pid log failed=()
  local -A logs=()
  mkdir -p "$out/logs"
  reap() { if ! wait -n -p pid; then failed+=("${logs[$pid]}"); fi; }
  for cmd in "$@"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do reap; done
    n=$((n + 1))
    log="$out/logs/$(date +%Y%m%d-%H%M%S)-$n.log"
    echo "[$(date +%H:%M:%S)] $cmd  (log: $log)"
    ( eval "$cmd" ) > "$log" 2>&1 < /dev/null &
    logs[$!]=$log
  done
  while [ "$(jobs -rp | wc -l)" -gt 0 ]; do reap; done
  if [ ${#failed[@]} -gt 0 ]; then
    echo "error: ${#failed[@]} of $n jobs failed; their logs: ${failed[*]}" >&2
    return 1
  fi
}

# Every network a comparison folder returned (limits met, or from sequential) retrained with each seed,
# $jobs at a time; finished ones are read back, not repeated.
retrain_networks() {
  local cmds=() macs arch seed dest
  while read -r macs arch; do
    for seed in $seeds; do
      dest="$out/retrained/s$seed/$macs"
      [ -f "$dest/result/result.json" ] && continue
      cmds+=("rm -rf '$dest' && coex nas train '$arch' --space '$space' --resize '$resize' --seed $seed --epochs $epochs --train-limit $images --threads 1 -o '$dest'")
    done
  done < <(java -cp "$jar" org.coex.benchmarks.HdxExperimentNetworks "$1")
  [ ${#cmds[@]} -eq 0 ] || run_jobs "${cmds[@]}"
}
