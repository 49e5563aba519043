#!/usr/bin/env bash
# Issue 22's experiment, resumably, from the repository root:
#   benchmarks/scripts/papers-comparison.sh [OUT]            (default OUT: ../runs/papers-comparison)
# Every method on the width-searchable space (benchmarks/papers-comparison.yaml) in two ways:
#   OUT/published: as the papers ran it (--as-published: objective-best accelerator, no repair);
#   OUT/helped:    with coex's help (the accelerator chosen within the limits, repair).
# soft at every LAMBDAS value, hdx at HDX_LAMBDA for every set, sequential once per set; then every
# network that met its limits (or came from sequential) retrained with each of SEEDS (coex nas train,
# RETRAIN_EPOCHS epochs), then OUT/published.md, OUT/helped.md (tables and claims) and their PNGs.
# Run it again to continue: finished runs and retrainings are read back, not repeated.
# Settings (environment): LIMITS (limit sets separated by ';'), LAMBDAS, HDX_LAMBDA, SEEDS, RETRAIN_EPOCHS,
# RETRAIN_IMAGES, SPEC, SPACE; e.g. LIMITS='latency_ms=0.02;energy_uj=20' SEEDS='1 2' for a smaller grid.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(realpath -m "${1:-../runs/papers-comparison}")
spec=${SPEC:-benchmarks/papers-comparison.yaml}
space=${SPACE:-examples/space-fmnist-width.yaml}
lambdas=${LAMBDAS:-0.01,0.03,0.1,0.3,1}
hdx_lambda=${HDX_LAMBDA:-0.1}
seeds=${SEEDS:-1 2 3}
epochs=${RETRAIN_EPOCHS:-6}
images=${RETRAIN_IMAGES:-0}   # 0: all 60,000 training images
# Every set lies below the most accurate (most-MAC) network's best latency (0.094 ms) and energy
# (74 uJ) on the spatial template: it misses them all (coex nas space examples/space-fmnist-width.yaml).
limits=${LIMITS:-latency_ms=0.01;latency_ms=0.02;latency_ms=0.04;energy_uj=8;energy_uj=20;energy_uj=40;latency_ms=0.02,energy_uj=15;latency_ms=0.03,area_mm2=0.4;fps=50000,energy_uj=12;latency_ms=0.015,energy_uj=12,area_mm2=0.45}
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || mvn -q -B -DskipTests install >&2
limit_args=()
IFS=';' read -ra sets <<< "$limits"
for s in "${sets[@]}"; do limit_args+=(--limits "$s"); done
for mode in published helped; do
  how=(); [ "$mode" = published ] && how=(--as-published)
  ./coex compare "$spec" --method soft --lambda "$lambdas" "${limit_args[@]}" "${how[@]}" -o "$out/$mode"
  ./coex compare "$spec" --method hdx,sequential --lambda "$hdx_lambda" "${limit_args[@]}" "${how[@]}" -o "$out/$mode"
done
retrained=()
for seed in $seeds; do retrained+=(--retrained "$out/retrained/s$seed"); done
java -cp "$jar" org.coex.benchmarks.HdxExperimentNetworks "$out/published" "$out/helped" | while read -r macs arch; do
  for seed in $seeds; do
    dest="$out/retrained/s$seed/$macs"
    [ -f "$dest/result/result.json" ] && continue
    rm -rf "$dest"
    ./coex nas train "$arch" --space "$space" --seed "$seed" --epochs "$epochs" --train-limit "$images" -o "$dest" < /dev/null
  done
done
for mode in published helped; do
  if [ "$mode" = published ]; then title="As the papers ran it: each network's accelerator chosen for the objective alone, no repair"
  else title="With coex's help: the accelerator chosen within the limits, repaired by exact search when it misses one"; fi
  { echo "# $title"; echo; java -Djava.awt.headless=true -cp "$jar" org.coex.benchmarks.HdxExperimentTable --space "$space" --plot "$out/$mode.png" \
      "${retrained[@]}" "$out/$mode"; } > "$out/$mode.md"
  echo "wrote $out/$mode.md and $out/$mode.png"
done
