#!/usr/bin/env bash
# Issue 22's experiment, resumably, from the repository root:
#   benchmarks/scripts/papers-comparison.sh [OUT]            (default OUT: ../runs/papers-comparison)
# Every method on the width-searchable space (benchmarks/papers-comparison.yaml) in two ways:
#   OUT/published: as the papers ran it (--as-published: objective-best accelerator, no repair);
#   OUT/helped:    with coex's help (the accelerator chosen within the limits, repair).
# soft at every LAMBDAS value, hdx at HDX_LAMBDA for every set, sequential once per set; then every
# network that met its limits (or came from sequential) retrained with each of SEEDS (coex nas train,
# RETRAIN_EPOCHS epochs on RETRAIN_IMAGES images), then OUT/MODE.md (tables and claims) and OUT/MODE.png, one
# mode after the other (published first); then the learned-evaluator rows on three of the sets
# (benchmarks/scripts/papers-comparison-learned.sh, same OUT and MODES; LEARNED=0 leaves them out).
# Run it again to continue: finished runs and retrainings are read back, not repeated.
# Settings (environment): LIMITS (limit sets separated by ';'), LAMBDAS, HDX_LAMBDA, SEEDS, RETRAIN_EPOCHS,
# RETRAIN_IMAGES, SPEC, SPACE, RESIZE (the spec's data.resize), JOBS (searches or retrainings at once, default 2),
# MODES (default 'published helped'; 'helped' runs that mode alone); e.g. LIMITS='latency_ms=0.02;energy_uj=20' SEEDS='1 2' for a smaller grid.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(realpath -m "${1:-../runs/papers-comparison}")
source benchmarks/scripts/papers-comparison-env.sh
modes=${MODES:-published helped}
for mode in $modes; do
  case $mode in published|helped) ;; *) echo "error: MODES: '$mode' is not a mode; use published, helped or both" >&2; exit 2;; esac
done
# Every set lies below the most accurate (most-MAC) network's best latency (0.061 ms) and energy (57 uJ)
# on the spatial template at 14 x 14: it misses them all, while the fewest-MAC network meets them all and
# the middle one meets six (coex nas space examples/space-fmnist-width.yaml --resize 14,14 --write DIR,
# then coex sweep over DIR/*.network.json on the spatial default space; RESULTS.md).
limits=${LIMITS:-latency_ms=0.006;latency_ms=0.012;latency_ms=0.025;energy_uj=5;energy_uj=12;energy_uj=25;latency_ms=0.012,energy_uj=9;latency_ms=0.02,area_mm2=0.4;fps=100000,energy_uj=7;latency_ms=0.008,energy_uj=6,area_mm2=0.45}
# The jars are copied into OUT on the first run and used from there: a rebuild (or an edit that would
# make ./coex rebuild) in the middle of a day-long experiment does not change the code that runs it.
mkdir -p "$out"
if [ ! -f "$out/coex.jar" ] || [ ! -f "$out/benchmarks.jar" ]; then
  [ -f benchmarks/target/benchmarks.jar ] && [ -f dance/target/coex.jar ] || mvn -q -B -DskipTests install >&2
  cp dance/target/coex.jar "$out/coex.jar.part" && mv "$out/coex.jar.part" "$out/coex.jar"
  cp benchmarks/target/benchmarks.jar "$out/benchmarks.jar.part" && mv "$out/benchmarks.jar.part" "$out/benchmarks.jar"
fi
limit_args=()
IFS=';' read -ra sets <<< "$limits"
for s in "${sets[@]}"; do limit_args+=("--limits '$s'"); done
# One mode at a time, the papers' first: its searches, its networks retrained, its table; then the other's.
# The searches run as JOBS compare commands at once (one per soft lambda, one for hdx, one for
# sequential), each writing its own runs into the mode's folder (logs in OUT/logs).
for mode in $modes; do
  how=""; [ "$mode" = published ] && how="--as-published"
  # hdx first: in the papers' mode it is the only compare with a search per set (soft and sequential
  # are blind to the limits and search once), so the other job works through the rest meanwhile
  searches=("coex compare '$spec' --method hdx --lambda $hdx_lambda ${limit_args[*]} $how -o '$out/$mode'")
  IFS=',' read -ra grid <<< "$lambdas"
  for lambda in "${grid[@]}"; do
    searches+=("coex compare '$spec' --method soft --lambda $lambda ${limit_args[*]} $how -o '$out/$mode'")
  done
  searches+=("coex compare '$spec' --method sequential ${limit_args[*]} $how -o '$out/$mode'")
  run_jobs "${searches[@]}"
  retrain_networks "$out/$mode"
  if [ "$mode" = published ]; then title="As the papers ran it: each network's accelerator chosen for the objective alone, no repair"
  else title="With coex's help: the accelerator chosen within the limits, repaired by exact search when it misses one"; fi
  { echo "# $title"; echo; java -Djava.awt.headless=true -cp "$jar" org.coex.benchmarks.HdxExperimentTable --space "$space" --plot "$out/$mode.png" \
      "${retrained[@]}" "$out/$mode"; } > "$out/$mode.md"
  echo "wrote $out/$mode.md and $out/$mode.png"
done
# DANCE's learned evaluator in place of the analytic model, on three of the sets, in the same modes
[ "${LEARNED:-1}" = 0 ] || benchmarks/scripts/papers-comparison-learned.sh "$out"
