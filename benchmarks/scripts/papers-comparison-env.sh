# Settings shared by papers-comparison.sh and papers-comparison-learned.sh (sourced from the repository root).
spec=${SPEC:-benchmarks/papers-comparison.yaml}
space=${SPACE:-examples/space-fmnist-width.yaml}
# On this space EDP falls so steeply with width that soft at lambda 0.01-0.3 returned the narrowest
# network ([4, 8, 8, 16]) every time (first runs, 2026-12-03): the grid sits below that, and hdx's
# lambda is small enough that its limits, not the cost term, decide how far the network shrinks.
lambdas=${LAMBDAS:-0.0001,0.0003,0.001,0.003,0.01}
hdx_lambda=${HDX_LAMBDA:-0.001}
seeds=${SEEDS:-1 2 3}
epochs=${RETRAIN_EPOCHS:-6}
images=${RETRAIN_IMAGES:-20000}   # 0: all 60,000 training images; 20,000 x 6 epochs spread the space by 8 points (RESULTS)
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
# coex and the benchmarks from OUT's own copy of the jars (papers-comparison.sh makes it)
coex() { java -Djava.awt.headless=true -Dai.djl.offline=true -jar "$out/coex.jar" "$@"; }
jar="$out/benchmarks.jar"
retrained=()
for seed in $seeds; do retrained+=(--retrained "$out/retrained/s$seed"); done
# Every network a comparison folder returned (limits met, or from sequential) retrained with each seed; done ones are read back.
retrain_networks() {
  java -cp "$jar" org.coex.benchmarks.HdxExperimentNetworks "$1" | while read -r macs arch; do
    for seed in $seeds; do
      dest="$out/retrained/s$seed/$macs"
      [ -f "$dest/result/result.json" ] && continue
      rm -rf "$dest"
      coex nas train "$arch" --space "$space" --seed "$seed" --epochs "$epochs" --train-limit "$images" -o "$dest" < /dev/null
    done
  done
}
