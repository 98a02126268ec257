#!/bin/sh
# evidence-add.sh — how fast `conformity-cli evidence add` copies a large file
# into a project database, against sha256sum reading the same file, and how
# much memory it takes. See docs/PERFORMANCE.md.
#
# Usage: tests/bench/evidence-add.sh [PATH/TO/conformity-cli]
#   The program may also be given as $CONFORMITY_CLI.
#
# Environment:
#   BENCH_SIZE_MIB  size of the input in MiB (default 1024)
#   BENCH_RUNS      how many times each is timed, in turns; the fastest run
#                   counts, as the one least disturbed by other work (3)
#   BENCH_INPUT     a file of random data to reuse as the input; created there
#                   when missing (default: a new one in the temporary folder)
#   BENCH_MIN_RATIO the lowest acceptable add/sha256sum throughput ratio (0.5)
#   BENCH_MAX_RSS_MIB the peak RSS `evidence add` must stay under (64)
#   TMPDIR          where the temporary folder goes (default /tmp); it needs
#                   about three times the input's size
#
# Exit status: 0 when both targets are met, 1 when one is not, 2 when the
# benchmark could not run.
set -eu

cli=${1:-${CONFORMITY_CLI:-}}
size_mib=${BENCH_SIZE_MIB:-1024}
runs=${BENCH_RUNS:-3}
min_ratio=${BENCH_MIN_RATIO:-0.5}
max_rss_mib=${BENCH_MAX_RSS_MIB:-64}
time_bin=/usr/bin/time

fail() {
  echo "evidence-add.sh: $*" >&2
  exit 2
}

[ -n "$cli" ] || fail "give the path of conformity-cli as the argument or in \$CONFORMITY_CLI"
[ -x "$cli" ] || fail "$cli is not an executable program"

# GNU time gives the peak RSS; the shell's `time` keyword does not. Install it
# as build-aux/common.sh installs the build's packages.
if [ ! -x "$time_bin" ]; then
  echo "Installing missing packages: time" >&2
  sudo=
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "please install as root: apt-get install time"
    sudo=sudo
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends time
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/cf-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 2' INT TERM

input=${BENCH_INPUT:-$work/evidence.bin}
size=$((size_mib * 1024 * 1024))
if [ ! -f "$input" ] || [ "$(wc -c < "$input")" -ne "$size" ]; then
  echo "Writing $size_mib MiB of random data to $input …" >&2
  head -c "$size" /dev/urandom > "$input"
fi

# Wall-clock seconds and peak RSS (KiB) from `time -v`'s report in $1.
elapsed() {
  # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:04.12"
  sed -n 's/^[[:space:]]*Elapsed (wall clock) time[^:]*: *//p' "$1" |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.3f\n", s }'
}
peak_rss_kib() {
  sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): *//p' "$1"
}
# Megabytes (10^6 bytes) per second.
throughput() {
  awk -v bytes="$1" -v seconds="$2" 'BEGIN { printf "%.1f\n", (seconds > 0 ? bytes / seconds / 1e6 : 0) }'
}

# The fastest of two numbers, and the largest.
min() {
  awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'
}
max() {
  awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b > a) ? b : a }'
}

# Both read the input from the page cache: the first read warms it.
cat "$input" > /dev/null

db=$work/bench.db
sha_seconds= sha_slowest= add_seconds= add_slowest= add_rss_kib=
run=1
while [ "$run" -le "$runs" ]; do
  "$time_bin" -v -o "$work/sha256sum.time" sha256sum "$input" > "$work/sha256sum.out"
  seconds=$(elapsed "$work/sha256sum.time")
  sha_seconds=$(min "$sha_seconds" "$seconds")
  sha_slowest=$(max "$sha_slowest" "$seconds")

  # A new project each time, so every run stores the file into the same state.
  rm -f "$db" "$db-wal" "$db-shm"
  product=$("$cli" --db "$db" product add --name "Benchmark" --model "B-1")
  [ "$product" = 1 ] || fail "product add printed “$product”, not 1"

  "$time_bin" -v -o "$work/add.time" \
    "$cli" --db "$db" evidence add 1 "$input" --max-size 2G > "$work/add.out" ||
    { cat "$work/add.time" >&2; fail "evidence add failed"; }
  seconds=$(elapsed "$work/add.time")
  add_seconds=$(min "$add_seconds" "$seconds")
  add_slowest=$(max "$add_slowest" "$seconds")
  add_rss_kib=$(max "$add_rss_kib" "$(peak_rss_kib "$work/add.time")")
  printf 'run %s:              sha256sum %.2f s, evidence add %.2f s\n' "$run" \
    "$(elapsed "$work/sha256sum.time")" "$seconds"
  run=$((run + 1))
done
expected=$(cut -d' ' -f1 "$work/sha256sum.out")
evidence=$(cat "$work/add.out")

# The copy must be right before its speed counts.
"$cli" --db "$db" evidence show "$evidence" --json | grep -q "\"sha256\" : \"$expected\"" ||
  fail "the stored SHA-256 is not sha256sum's $expected"

# For the record, not judged: reading it back out, verified, and checking it.
"$time_bin" -v -o "$work/get.time" \
  "$cli" --db "$db" evidence get "$evidence" --out "$work/copy.bin"
get_seconds=$(elapsed "$work/get.time")
get_rss_kib=$(peak_rss_kib "$work/get.time")
rm -f "$work/copy.bin"
"$time_bin" -v -o "$work/verify.time" "$cli" --db "$db" evidence verify 1 > /dev/null
verify_seconds=$(elapsed "$work/verify.time")
verify_rss_kib=$(peak_rss_kib "$work/verify.time")

sha_mbps=$(throughput "$size" "$sha_seconds")
add_mbps=$(throughput "$size" "$add_seconds")
get_mbps=$(throughput "$size" "$get_seconds")
verify_mbps=$(throughput "$size" "$verify_seconds")
ratio=$(awk -v a="$add_mbps" -v s="$sha_mbps" 'BEGIN { printf "%.2f\n", (s > 0 ? a / s : 0) }')
add_rss_mib=$(awk -v k="$add_rss_kib" 'BEGIN { printf "%.1f\n", k / 1024 }')

printf 'input:              %s MiB of random data, fastest of %s runs\n' "$size_mib" "$runs"
printf 'sha256sum:          %8.2f s  %7.1f MB/s  (slowest %.2f s)\n' \
  "$sha_seconds" "$sha_mbps" "$sha_slowest"
printf 'evidence add:       %8.2f s  %7.1f MB/s  (slowest %.2f s)  peak RSS %s MiB\n' \
  "$add_seconds" "$add_mbps" "$add_slowest" "$add_rss_mib"
printf 'evidence get:       %8.2f s  %7.1f MB/s  peak RSS %s MiB\n' \
  "$get_seconds" "$get_mbps" "$(awk -v k="$get_rss_kib" 'BEGIN { printf "%.1f", k / 1024 }')"
printf 'evidence verify:    %8.2f s  %7.1f MB/s  peak RSS %s MiB\n' \
  "$verify_seconds" "$verify_mbps" "$(awk -v k="$verify_rss_kib" 'BEGIN { printf "%.1f", k / 1024 }')"
printf 'add / sha256sum:    %s (target ≥ %s)\n' "$ratio" "$min_ratio"
printf 'add peak RSS:       %s MiB (target < %s MiB)\n' "$add_rss_mib" "$max_rss_mib"

status=0
if awk -v r="$ratio" -v m="$min_ratio" 'BEGIN { exit !(r < m) }'; then
  echo "FAIL: evidence add runs at $ratio of sha256sum's speed, under $min_ratio" >&2
  status=1
fi
if awk -v k="$add_rss_kib" -v m="$max_rss_mib" 'BEGIN { exit !(k >= m * 1024) }'; then
  echo "FAIL: evidence add peaked at $add_rss_mib MiB, not under $max_rss_mib MiB" >&2
  status=1
fi
[ "$status" -ne 0 ] || echo "PASS"
exit "$status"
