#!/usr/bin/env bash
# Training speed of coex next to plain PyTorch (issue 21), run from the repository root:
#   benchmarks/scripts/train-speed-vs-pytorch.sh [THREADS...]     (default: 1 2)
# Same network, images, batch, optimizers, thread count and memory format on both sides:
# (a) an epoch of `coex nas train`'s recipe on benchmarks/nas-default-derived-1126.json (10,000 images),
# (b) an epoch of the Gumbel supernet of examples/search-latency.yaml with a weight step and an
#     architecture step per batch (3,000 + 1,500 images), (c) the test pass (10,000 images).
# Installs Debian's python3-torch (PyTorch 1.13, CPU) for the peer when it is missing; coex never uses it.
# Run it on a machine to itself: other busy processes change both sides' times.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3
if ! "$PY" -c "import torch" 2>/dev/null; then
  echo "installing python3-torch (the PyTorch peer)..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch >&2
fi
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || mvn -q -B -DskipTests install >&2
out=$(mktemp -d)
export OMP_WAIT_POLICY=PASSIVE
for t in "${@:-1 2}"; do
  for n in $t; do
    java -Dai.djl.offline=true -cp "$jar" org.coex.benchmarks.TrainSpeedRun "$n" "$out/coex-$n.json" > /dev/null
    "$PY" benchmarks/scripts/torch_peer.py "$out/coex-$n.json" "$n" "$out/torch-$n.json" > /dev/null
  done
done
"$PY" - "$out" <<'PYEOF'
import glob, json, sys
d = sys.argv[1]
print("| threads | measure | coex s | PyTorch s | coex / PyTorch |")
print("|---|---|---|---|---|")
for f in sorted(glob.glob(d + "/coex-*.json")):
    c = json.load(open(f)); t = json.load(open(f.replace("coex-", "torch-")))
    rows = [("(a) derived net, epoch 2 (epoch 1)", c["derived_epoch_seconds"][1], t["derived_epoch_seconds"][1], c["derived_epoch_seconds"][0], t["derived_epoch_seconds"][0]),
            ("(b) supernet, search epoch (warm-up epoch)", c["supernet_search_epoch_seconds"], t["supernet_search_epoch_seconds"], c["supernet_warmup_epoch_seconds"], t["supernet_warmup_epoch_seconds"]),
            ("(c) test pass, 10,000 images", c["test_pass_seconds"], t["test_pass_seconds"], None, None)]
    for name, a, b, a0, b0 in rows:
        extra = "" if a0 is None else " (%.1f / %.1f = %.2fx)" % (a0, b0, a0 / b0)
        print("| %d | %s | %.2f | %.2f | %.2fx%s |" % (c["threads"], name, a, b, a / b, extra))
print("coex losses (a): %s; PyTorch: %s" % (c["derived_losses"], t["derived_losses"]))
PYEOF
