#!/usr/bin/env bash
# Issue 22's learned-evaluator rows, after benchmarks/scripts/papers-comparison.sh (same OUT, same settings):
#   benchmarks/scripts/papers-comparison-learned.sh [OUT]     (default OUT: ../runs/papers-comparison)
# The same methods on LEARNED_SETS (default: three limit sets of the main script) with DANCE's
# learned evaluator instead of the analytic one, both ways:
#   OUT/published-learned: one evaluator, labelled for the objective alone (no limits), serves every set;
#   OUT/helped-learned:    one evaluator per set, labelled with that set's limits (the hardware choice honours them).
# Each evaluator is made on first use by the search itself (LEARNED_SAMPLES samples, 40 epochs; its fidelity
# report beside it). The networks are retrained like the main script's (same OUT/retrained, read back when
# done), then OUT/MODE-learned.md and .png. Resumable like the main script; JOBS and MODES as there.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(realpath -m "${1:-../runs/papers-comparison}")
source benchmarks/scripts/papers-comparison-env.sh
samples=${LEARNED_SAMPLES:-50000}
# three of the main script's sets: one latency, one energy, one with both (14 x 14 bounds, see papers-comparison.sh)
learned_sets=${LEARNED_SETS:-latency_ms=0.012;energy_uj=12;latency_ms=0.012,energy_uj=9}
[ -f "$out/coex.jar" ] && [ -f "$out/benchmarks.jar" ] || { echo "error: run benchmarks/scripts/papers-comparison.sh $out first (it copies the jars this uses)" >&2; exit 2; }
# the spec with its relative paths made absolute and an evaluator folder of its own
spec_with_evaluator() {   # $1 evaluator folder, $2 spec to write
  local dir; dir=$(cd "$(dirname "$spec")" && pwd)
  sed -e "s#\(space: \)\([^/][^,}]*\)#\1$dir/\2#" -e "/^evaluator:/d" -e "/^output:/d" "$spec" > "$2"
  printf 'evaluator: {path: %s, samples: %s, epochs: 40}\noutput: %s\n' "$1" "$samples" "$out/learned-spec-output" >> "$2"
}
mkdir -p "$out/specs"
IFS=';' read -ra sets <<< "$learned_sets"
IFS=',' read -ra grid <<< "$lambdas"
for mode in ${MODES:-published helped}; do
  how=""; [ "$mode" = published ] && how="--as-published"
  if [ "$mode" = published ]; then
    # one evaluator for every set, so soft's search (blind to the limits) runs once per lambda; the first
    # search makes the evaluator alone, then JOBS searches at once use it
    limit_args=""; for s in "${sets[@]}"; do limit_args+=" --limits '$s'"; done
    spec_with_evaluator "$out/evaluators/objective" "$out/specs/published.yaml"
    compare="coex compare '$out/specs/published.yaml' $limit_args $how -o '$out/$mode-learned'"
    run_jobs "$compare --method soft --lambda ${grid[0]}"
    searches=()
    for lambda in "${grid[@]:1}"; do searches+=("$compare --method soft --lambda $lambda"); done
    searches+=("$compare --method hdx --lambda $hdx_lambda" "$compare --method sequential")
    run_jobs "${searches[@]}"
  else
    # an evaluator per set (its labels honour that set's limits): JOBS sets at once, each set's searches in turn
    searches=()
    for s in "${sets[@]}"; do
      key=$(echo "$s" | tr ',=' '_-')
      spec_with_evaluator "$out/evaluators/limits-$key" "$out/specs/helped-$key.yaml"
      compare="coex compare '$out/specs/helped-$key.yaml' --limits '$s' -o '$out/$mode-learned'"
      searches+=("$compare --method soft --lambda $lambdas && $compare --method hdx,sequential --lambda $hdx_lambda")
    done
    run_jobs "${searches[@]}"
  fi
  retrain_networks "$out/$mode-learned"
  { echo "# The learned evaluator ($mode): DANCE's networks in place of the analytic cost model, on ${#sets[@]} limit sets"; echo;
    java -Djava.awt.headless=true -cp "$jar" org.coex.benchmarks.HdxExperimentTable --space "$space" --plot "$out/$mode-learned.png" \
      "${retrained[@]}" "$out/$mode-learned"; } > "$out/$mode-learned.md"
  echo "wrote $out/$mode-learned.md and $out/$mode-learned.png"
done
