#!/usr/bin/env bash
# Runs each fuzz target (decode, extract, clean, warc, segment, attribute, compare, analyze) for SECONDS seconds (default 600) on one core and
# prints libFuzzer's execution count for each. Needs the nightly toolchain and cargo-fuzz
# (`cargo install cargo-fuzz`). Seeds: the bundled example pages, plus any files under SEED_DIR.
# usage: [TARGETS="extract clean"] fuzz/run.sh [SECONDS] [SEED_DIR]
set -euo pipefail
seeds_arg=${2:-}
[ -n "$seeds_arg" ] && seeds_arg=$(cd "$seeds_arg" && pwd)
cd "$(dirname "$0")"
seconds=${1:-600}
seeds=$seeds_arg
for target in ${TARGETS:-decode extract clean warc segment attribute compare analyze}; do
    mkdir -p "corpus/$target"
    cp ../examples/xi-putin-call/*.txt "corpus/$target/" 2>/dev/null || true
    cp seeds/"$target"/* "corpus/$target/" 2>/dev/null || true
    if [ -n "$seeds" ]; then
        find "$seeds" -type f -size -2M | head -200 | while read -r f; do
            case "$f" in
                *.gz) zcat "$f" > "corpus/$target/$(basename "$f" .gz)" ;;
                *) cp "$f" "corpus/$target/" ;;
            esac
        done
    fi
    cargo +nightly fuzz run -s none "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len=262144 -rss_limit_mb=4096 -print_final_stats=1 \
        2>&1 | tee "fuzz-$target.log" | grep -E "^(stat::number_of_executed_units|Done|==|SUMMARY)" || true
    echo "$target: $(grep -Eo 'stat::number_of_executed_units: [0-9]+' "fuzz-$target.log" | grep -Eo '[0-9]+$' || echo '?') executions in ${seconds}s"
done
