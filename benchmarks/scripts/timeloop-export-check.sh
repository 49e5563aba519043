#!/usr/bin/env bash
# Scores coex's Timeloop export of every layer of a network with the real timeloop-model and compares
# its cycles and energy with coex's own (the coex-timeloop.json beside each layer's files):
#   benchmarks/scripts/timeloop-export-check.sh TIMELOOP_BIN_DIR [NETWORK ...]   (default: resnet18 mobilenetv2)
# TIMELOOP_BIN_DIR holds timeloop-model (Timeloop v3.0.3 built with scons: its bin/, with its lib/ beside it).
# Prints one line per layer: layer, coex cycles, Timeloop cycles, coex uJ, Timeloop uJ, relative difference.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "$1"); shift
networks=${*:-resnet18 mobilenetv2}
export LD_LIBRARY_PATH="$bin/../lib:${LD_LIBRARY_PATH:-}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f dance/target/coex.jar ] || mvn -q -B -DskipTests install >&2
for net in $networks; do
  java -jar dance/target/coex.jar cost "$net" --template spatial --export-timeloop "$work/$net" --timeloop-style v3 > /dev/null
  for layer in "$work/$net"/*/; do
    (cd "$layer" && "$bin/timeloop-model" arch.yaml problem.yaml map.yaml ERT.yaml ART.yaml > timeloop.log 2>&1) || { echo "$net $(basename "$layer"): timeloop-model failed:"; tail -3 "$layer/timeloop.log"; exit 1; }
    python3 - "$net" "$layer" <<'PY'
import json, re, sys
net, layer = sys.argv[1], sys.argv[2]
own = json.load(open(layer + "coex-timeloop.json"))
stats = open(layer + "timeloop-model.stats.txt").read()
cycles = int(re.search(r"^Cycles: (\d+)", stats, re.M).group(1))
# the summary's "Energy: X uJ" has two decimals; the components' "Energy (total)" lines are in pJ
energy = sum(float(x) for x in re.findall(r"^\s*Energy \(total\)\s*: ([\d.]+) pJ", stats, re.M)) / 1e6
diff = (energy - own["energy_uJ"]) / own["energy_uJ"]
print(f"{net} {layer.rstrip('/').split('/')[-1]} {own['cycles']} {cycles} {own['energy_uJ']:.6f} {energy:.6f} {diff:+.6f}")
PY
  done
done
