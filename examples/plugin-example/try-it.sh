#!/usr/bin/env bash
# Uses the example plugin through the nelc CLI as a user would: lists it, trains with its optimizer and
# its gradient estimator (with a setting), reads the setting back from model.json, evaluates with its
# diagnostic. Stops at the first surprise with a one-line reason (exit 1).
# Usage: try-it.sh [NELC_JAR]   (default: the jar of the nelc checkout around this directory)
# Build the plugin first: `mvn -B verify` here (after `mvn install -pl nelc-api -am` in nelc).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${1:-$here/../../nelc-app/target/nelc.jar}"
plugins="$here/target"
fail() { echo "try-it: FAILED: $*" >&2; exit 1; }
[ -f "$jar" ] || fail "no nelc jar at $jar (build nelc first)"
[ -f "$plugins/nelc-plugin-example.jar" ] || fail "no plugin jar in $plugins (run mvn -B verify in $here)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# an empty NELC_HOME: only this plugin directory is read
nelc() { NELC_HOME="$work/home" java -jar "$jar" --plugins "$plugins" "$@"; }

# 3 noisy prototypes of 36 pixels, 60 rows each, labels 0..2 (text format: label<TAB>bits)
awk 'BEGIN { srand(7); for (k = 0; k < 3; k++) for (i = 0; i < 36; i++) p[k, i] = (rand() < 0.4);
  for (n = 0; n < 180; n++) { k = n % 3; row = "";
    for (i = 0; i < 36; i++) { b = p[k, i]; if (rand() < 0.1) b = 1 - b; row = row b }
    print k "\t" row } }' > "$work/data.txt"

list="$(nelc plugins)"
for want in "optimizer +adagrad " "gradient +weighted-two-step " "diagnostic +occupancy-entropy "; do
  grep -Eq "^$want.*nelc-plugin-example.jar" <<<"$list" || fail "nelc plugins does not list '$want' from the jar"
done
! grep -q '^broken:' <<<"$list" || fail "a plugin is broken: $(grep '^broken:' <<<"$list")"

nelc train --data "$work/data.txt" --per-class 60 --latent one-hot:3 --epochs 4 --steps-per-epoch 10 \
  --batch 8:32 --chain-steps 12 --optimizer adagrad --lr 0.05 --gradient weighted-two-step \
  --gradient-setting latent-weight=0.5 --quiet --out "$work/run" || fail "train with the plugin's optimizer and estimator"
model="$work/run/model.json"
grep -q '"optimizer" : "adagrad"' "$model" || fail "model.json does not record the optimizer"
grep -q '"gradient" : "weighted-two-step"' "$model" || fail "model.json does not record the estimator"
grep -q '"latent-weight" : 0.5' "$model" || fail "model.json does not record --gradient-setting latent-weight=0.5"

nelc evaluate "$model" --chain-length 3000 --burn-in 100 --rb-samples 50 > "$work/evaluate.txt" \
  || fail "evaluate with the plugin's diagnostic"
grep -q 'occupancy-entropy' "$work/run/evaluation.json" || fail "evaluation.json has no occupancy-entropy"

if nelc train --data "$work/data.txt" --per-class 60 --latent one-hot:3 --epochs 1 --quiet --out "$work/bad" \
    --gradient weighted-two-step --gradient-setting weight=2 2> "$work/err.txt"; then
  fail "an unknown --gradient-setting was accepted"
fi
grep -q "weighted-two-step has no setting 'weight' (known: latent-weight)" "$work/err.txt" \
  || fail "unexpected message for an unknown setting: $(cat "$work/err.txt")"
echo "try-it: the example plugin works through the CLI (plugins, train, model.json, evaluate, settings)"
