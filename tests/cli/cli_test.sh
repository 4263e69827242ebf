#!/usr/bin/env bash
# End-to-end checks of the `unload` binary as a person or script runs it.
set -u
unload="$1"; root="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
source "$(dirname "$0")/lib.sh"
# Stage-1 commands never touch the person's database; point it somewhere harmless anyway.
export UNLOAD_DB="sqlite:$tmp/never.db"

intake="$root/examples/desk-worker.json"
check plan-text 0 "$unload" plan --intake "$intake"
expect_in plan-text-verdict "$tmp/out" "CAUTION"
check plan-json 0 "$unload" --format json plan --intake "$intake"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["program"]["routine"], d' "$tmp/out" \
    && ok=$((ok+1)) || { failed=$((failed+1)); echo "FAIL plan-json: not one JSON document with a routine"; }
[ ! -s "$tmp/err" ] && ok=$((ok+1)) || { failed=$((failed+1)); echo "FAIL plan-json: stderr not empty"; }

# The global options also work after the subcommand, as the --help examples write them.
cp "$tmp/out" "$tmp/plan-first.json"
check plan-json-last 0 "$unload" plan --intake "$intake" --format json
cmp -s "$tmp/out" "$tmp/plan-first.json" && ok=$((ok+1)) \
    || { failed=$((failed+1)); echo "FAIL plan-json-last: not the same document as --format first"; }
check rules-json-last 0 "$unload" content rules --format json
expect_py rules-json-last-doc 'd["rules"]' "$tmp/out"
check format-last-invalid 2 "$unload" exercises --format yaml
expect_in format-last-invalid-field "$tmp/err" "--format"

check screen-stdin 0 sh -c "cat '$intake' | '$unload' --format json screen --intake -"
expect_in screen-stdin-verdict "$tmp/out" '"verdict": "caution"'

echo '{"format":"unload-intake/1","person":{"age":40},"symptoms":{"pain_now":12}}' >"$tmp/bad.json"
check pain-out-of-range 2 "$unload" screen --intake "$tmp/bad.json"
expect_in pain-out-of-range-msg "$tmp/err" "symptoms.pain_now: expected 0..10, got 12"

echo '{"format":"unload-intake/1","person":{"age":40},"symptoms":{"pain_now":3},"warning_signs":{"sadle_numbness":true}}' >"$tmp/typo.json"
check unknown-warning-sign 2 "$unload" screen --intake "$tmp/typo.json"
expect_in unknown-warning-sign-msg "$tmp/err" "warning_signs.sadle_numbness: unknown warning sign"

echo '{"format":"unload-intake/1", "person": {' >"$tmp/broken.json"
check malformed-json 2 "$unload" --format json screen --intake "$tmp/broken.json"
expect_in malformed-json-msg "$tmp/err" '"code":"invalid_input"'
[ ! -s "$tmp/out" ] && ok=$((ok+1)) || { failed=$((failed+1)); echo "FAIL malformed-json: stdout not empty"; }

check missing-file 2 "$unload" plan --intake "$tmp/nope.json"
expect_in missing-file-msg "$tmp/err" "--intake"
check bad-usage 2 "$unload" plan
check unknown-command 2 "$unload" fly
check help 0 "$unload" --help
expect_in help-example "$tmp/out" "Examples:"
check plan-help 0 "$unload" plan --help
expect_in plan-help-example "$tmp/out" "unload plan --intake"

check exercises-list 0 "$unload" exercises list
expect_in exercises-list-cat "$tmp/out" "cat_cow"
check exercises-show 0 "$unload" --format json exercises show cat_cow
expect_in exercises-show-json "$tmp/out" '"favour_cat"'
check exercises-unknown 2 "$unload" exercises show flying_lotus
check exercises-svg 0 "$unload" exercises show cat_cow --svg
expect_in exercises-svg-title "$tmp/out" '<title id="picture-title-cat_cow">Cat-cow</title>'
expect_in exercises-svg-animated "$tmp/out" '<animateTransform'
[ ! -s "$tmp/err" ] && ok=$((ok+1)) || { failed=$((failed+1)); echo "FAIL exercises-svg: stderr not empty"; }
check exercises-svg-json 2 "$unload" --format json exercises show cat_cow --svg
expect_in exercises-svg-json-msg "$tmp/err" '"field":"--svg"'
check exercises-svg-list 2 "$unload" exercises list --svg
check exercises-svg-unknown 2 "$unload" exercises show flying_lotus --svg
check exercises-svg-modified 0 "$unload" exercises show ninety_ninety --svg --modification side_lying_instead
expect_in exercises-svg-modified-side "$tmp/out" 'lying on their side'
cp "$tmp/out" "$tmp/side.svg"
check exercises-svg-plain 0 "$unload" exercises show ninety_ninety --svg
cmp -s "$tmp/out" "$tmp/side.svg" && { failed=$((failed+1)); echo "FAIL exercises-svg-modified: same as the plain picture"; } || ok=$((ok+1))
check exercises-svg-modification-unknown 2 "$unload" exercises show ninety_ninety --svg --modification hand_stand
expect_in exercises-svg-modification-unknown-msg "$tmp/err" "side_lying_instead"
check exercises-modification-without-svg 2 "$unload" exercises show ninety_ninety --modification side_lying_instead
check exercises-help-svg 0 "$unload" exercises --help
expect_in exercises-help-svg-flag "$tmp/out" "--svg"

check learn-list 0 "$unload" learn
expect_in learn-list-lifting "$tmp/out" "(lifting)"
check learn-warning-signs 0 "$unload" learn warning_signs
expect_in learn-warning-signs-urgency "$tmp/out" "EMERGENCY"
check learn-topic-json 0 "$unload" --format json learn lifting
expect_py learn-topic-json-doc 'd["id"] == "lifting" and d["exercises"][0]["id"] == "hip_hinge"' "$tmp/out"
check learn-all-json 0 "$unload" --format json learn
expect_py learn-all-json-rules 'any(t["id"] == "warning_signs" and t["rules"][0]["urgency"] == "emergency" for t in d["topics"])' "$tmp/out"
check learn-unknown 2 "$unload" learn astrology
expect_in learn-unknown-msg "$tmp/err" "no topic 'astrology'"

echo '{"answers": [1,2,1,0,2,1,null,1,2,1]}' >"$tmp/odi.json"
check score-odi 0 "$unload" --format json score odi --answers "$tmp/odi.json"
expect_in score-odi-percent "$tmp/out" '"percent": 24.4'
echo '{"answers": [1,2,null,null,null,1,2,1,0,1]}' >"$tmp/odi-few.json"
check score-odi-too-few 2 "$unload" score odi --answers "$tmp/odi-few.json"

check content-check 0 "$unload" content check "$root/content"
check content-rules 0 "$unload" content rules
expect_in content-rules-cauda "$tmp/out" "cauda_equina"
check content-rules-json 0 "$unload" --format json content rules
cp -r "$root/content" "$tmp/content"
sed -i 's/^urgency = "emergency"/urgency = "emergncy"/' "$tmp/content/screening.toml"
check content-check-broken 2 "$unload" content check "$tmp/content"
expect_in content-check-broken-line "$tmp/err" "screening.toml:"

finish
