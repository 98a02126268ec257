#!/bin/sh
# sbom-import.sh — how fast `conformity-cli sbom import` reads a CycloneDX
# JSON SBOM of 10,000 components into a project database, how much memory it
# takes, and how that compares with `jq length` reading the same file.
# See docs/PERFORMANCE.md.
#
# Usage: tests/bench/sbom-import.sh [CLI [MAKE-CYCLONEDX]]
#   CLI             conformity-cli (or $CONFORMITY_CLI)
#   MAKE-CYCLONEDX  tests/bench/make-cyclonedx from the same build; defaults
#                   to tests/bench/ of the build CLI comes from. Build it with
#                   `ninja -C _build tests/bench/make-cyclonedx` (`meson test
#                   --benchmark` builds it itself).
#
# Environment:
#   BENCH_COMPONENTS  components in the SBOM (10000)
#   BENCH_SEED        seed of the generator: the same seed writes the same
#                     file (7)
#   BENCH_RUNS        how many times each is timed, in turns; the fastest run
#                     counts, as the one least disturbed by other work (3)
#   BENCH_MAX_SECONDS the wall-clock time `sbom import` must stay under (1)
#   BENCH_MAX_RSS_MIB the peak RSS `sbom import` must stay under (256)
#   BENCH_SCALE       also imports, once and not judged, an SBOM this many
#                     times as large, to show how time and memory grow; 0
#                     skips it (5)
#   BENCH_KEEP        a folder to copy the SBOM and the database into, to look
#                     at them afterwards (default: none)
#   TMPDIR            where the temporary folder goes (default /tmp)
#
# Exit status: 0 when both targets are met, 1 when one is not, 2 when the
# benchmark could not run (among others: `sbom import` failed or did not
# report every component).
set -eu

cli=${1:-${CONFORMITY_CLI:-}}
components=${BENCH_COMPONENTS:-10000}
seed=${BENCH_SEED:-7}
runs=${BENCH_RUNS:-3}
max_seconds=${BENCH_MAX_SECONDS:-1}
max_rss_mib=${BENCH_MAX_RSS_MIB:-256}
scale=${BENCH_SCALE:-5}
keep=${BENCH_KEEP:-}
time_bin=/usr/bin/time

fail() {
  echo "sbom-import.sh: $*" >&2
  exit 2
}

[ -n "$cli" ] || fail "give the path of conformity-cli as the argument or in \$CONFORMITY_CLI"
[ -x "$cli" ] || fail "$cli is not an executable program"
build_dir=$(cd "$(dirname "$cli")/../.." && pwd)
make_cyclonedx=${2:-$build_dir/tests/bench/make-cyclonedx}
[ -x "$make_cyclonedx" ] ||
  fail "$make_cyclonedx is missing: ninja -C $build_dir tests/bench/make-cyclonedx"

# Installs Debian packages as evidence-add.sh and build-aux/common.sh do.
install_packages() {
  echo "Installing missing packages: $*" >&2
  sudo=
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || return 1
    sudo=sudo
  fi
  $sudo apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >&2
}

# GNU time gives the peak RSS; the shell's `time` keyword does not. jq is
# what the import is compared with.
[ -x "$time_bin" ] || install_packages time || fail "please install as root: apt-get install time"
command -v jq >/dev/null || install_packages jq || fail "please install as root: apt-get install jq"
jq=$(command -v jq) || fail "jq is not installed and could not be: apt-get install jq"

work=$(mktemp -d "${TMPDIR:-/tmp}/cf-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 2' INT TERM

# Wall-clock seconds and peak RSS (KiB) from `time -v`'s report in $1.
elapsed() {
  sed -n 's/^[[:space:]]*Elapsed (wall clock) time[^:]*: *//p' "$1" |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.3f\n", s }'
}
peak_rss_kib() {
  sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): *//p' "$1"
}
# User plus system CPU seconds from the same report.
cpu_seconds() {
  sed -n 's/^[[:space:]]*\(User\|System\) time (seconds): *//p' "$1" |
    awk '{ s += $1 } END { printf "%.2f\n", s }'
}
mib() {
  awk -v k="$1" 'BEGIN { printf "%.1f\n", k / 1024 }'
}
# Megabytes (10^6 bytes) per second.
throughput() {
  awk -v bytes="$1" -v seconds="$2" 'BEGIN { printf "%.1f\n", (seconds > 0 ? bytes / seconds / 1e6 : 0) }'
}
per_second() {
  awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f\n", (s > 0 ? n / s : 0) }'
}
# MiB of peak RSS per MB of input.
per_mb() {
  awk -v k="$1" -v bytes="$2" 'BEGIN { printf "%.1f\n", (bytes > 0 ? k / 1024 / (bytes / 1e6) : 0) }'
}
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f\n", (b > 0 ? a / b : 0) }'
}
min() {
  awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'
}
max() {
  awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b > a) ? b : a }'
}

# The SBOM of $1 components into $2, checked with jq: every component there.
make_sbom() {
  "$time_bin" -v -o "$work/make.time" "$make_cyclonedx" --components "$1" --seed "$seed" "$2" \
    > "$work/make.out" || { cat "$work/make.time" >&2; fail "make-cyclonedx failed"; }
  found=$("$jq" '.components | length' "$2") || fail "jq cannot read the SBOM make-cyclonedx wrote"
  [ "$found" = "$1" ] || fail "the SBOM has $found components, not $1"
  echo "$(cat "$work/make.out") in $(elapsed "$work/make.time") s" >&2
}

# A new project database $1 with one product, as a user starts.
new_database() {
  rm -f "$1" "$1-wal" "$1-shm"
  product=$("$cli" --db "$1" product add --name "Smart Thermostat" --model ST-200 --version 2.4.1) ||
    fail "product add failed"
  [ "$product" = 1 ] || fail "product add printed “$product”, not 1"
}

# Imports $2 into the new database $1, timed into $3; it must report $4
# components.
import_sbom() {
  new_database "$1"
  "$time_bin" -v -o "$3" "$cli" --db "$1" sbom import 1 "$2" > "$work/import.out" 2> "$work/import.err" ||
    { cat "$work/import.err" "$3" >&2; fail "sbom import failed"; }
  imported=$(cat "$work/import.out")
  [ "$imported" = "$4" ] ||
    { cat "$work/import.err" >&2; fail "sbom import printed “$imported”, not $4 components"; }
}

sbom=$work/sbom.cdx.json
echo "Writing an SBOM of $components components to $sbom …" >&2
make_sbom "$components" "$sbom"
bytes=$(wc -c < "$sbom")
edges=$("$jq" '[.dependencies[].dependsOn | length] | add // 0' "$sbom")

# Both read the SBOM from the page cache: the first read warms it.
cat "$sbom" > /dev/null

# The program's own memory, to tell it from what the SBOM takes.
"$time_bin" -v -o "$work/version.time" "$cli" --version > /dev/null || fail "$cli --version failed"
base_rss_kib=$(peak_rss_kib "$work/version.time")

db=$work/bench.db
jq_seconds= jq_slowest= jq_rss_kib=
import_seconds= import_slowest= import_rss_kib= import_cpu=
run=1
while [ "$run" -le "$runs" ]; do
  "$time_bin" -v -o "$work/jq.time" "$jq" length "$sbom" > "$work/jq.out" ||
    { cat "$work/jq.time" >&2; fail "jq length failed"; }
  seconds=$(elapsed "$work/jq.time")
  jq_seconds=$(min "$jq_seconds" "$seconds")
  jq_slowest=$(max "$jq_slowest" "$seconds")
  jq_rss_kib=$(max "$jq_rss_kib" "$(peak_rss_kib "$work/jq.time")")

  # A new project each time, so every run imports into the same state.
  import_sbom "$db" "$sbom" "$work/import.time" "$components"
  seconds=$(elapsed "$work/import.time")
  [ "$(min "$import_seconds" "$seconds")" != "$seconds" ] || import_cpu=$(cpu_seconds "$work/import.time")
  import_seconds=$(min "$import_seconds" "$seconds")
  import_slowest=$(max "$import_slowest" "$seconds")
  import_rss_kib=$(max "$import_rss_kib" "$(peak_rss_kib "$work/import.time")")
  printf 'run %s:  jq length %.3f s, sbom import %.3f s\n' "$run" "$(elapsed "$work/jq.time")" "$seconds"
  run=$((run + 1))
done
sed 's/^/sbom import said: /' "$work/import.err"

if [ -n "$keep" ]; then
  mkdir -p "$keep"
  cp "$sbom" "$db" "$keep/"
fi

# For the record, not judged: an SBOM $scale times as large, once.
scale_status="not run (BENCH_SCALE=0)"
if [ "$scale" != 0 ]; then
  large_components=$((components * scale))
  large=$work/large.cdx.json
  echo "Writing an SBOM of $large_components components to $large …" >&2
  make_sbom "$large_components" "$large"
  large_bytes=$(wc -c < "$large")
  cat "$large" > /dev/null
  "$time_bin" -v -o "$work/jq-large.time" "$jq" length "$large" > /dev/null ||
    fail "jq length failed on the large SBOM"
  import_sbom "$work/large.db" "$large" "$work/import-large.time" "$large_components"
  large_seconds=$(elapsed "$work/import-large.time")
  large_rss_kib=$(peak_rss_kib "$work/import-large.time")
  large_jq_seconds=$(elapsed "$work/jq-large.time")
  large_jq_rss_kib=$(peak_rss_kib "$work/jq-large.time")
  scale_status=ok
  rm -f "$large" "$work/large.db" "$work/large.db-wal" "$work/large.db-shm"
fi

printf '\nSBOM:               CycloneDX 1.5 JSON, %s components, %s dependency edges, %s bytes (%.1f MB)\n' \
  "$components" "$edges" "$bytes" "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')"
printf 'fastest of %s runs; slowest in brackets\n' "$runs"
printf 'jq length:          %6.3f s  (%.3f s)  %6.1f MB/s  peak RSS %s MiB (%s MiB per MB)\n' \
  "$jq_seconds" "$jq_slowest" "$(throughput "$bytes" "$jq_seconds")" "$(mib "$jq_rss_kib")" \
  "$(per_mb "$jq_rss_kib" "$bytes")"
printf 'sbom import:        %6.3f s  (%.3f s)  %6.1f MB/s  %s components/s  peak RSS %s MiB (%s MiB per MB)\n' \
  "$import_seconds" "$import_slowest" "$(throughput "$bytes" "$import_seconds")" \
  "$(per_second "$components" "$import_seconds")" "$(mib "$import_rss_kib")" "$(per_mb "$import_rss_kib" "$bytes")"
printf '  CPU time:         %s s user + system, in the fastest run\n' \
  "$import_cpu"
printf '  beyond --version: %s MiB (%s MiB per MB); conformity-cli --version alone: %s MiB\n' \
  "$(mib $((import_rss_kib - base_rss_kib)))" "$(per_mb $((import_rss_kib - base_rss_kib)) "$bytes")" \
  "$(mib "$base_rss_kib")"
printf 'sbom import / jq:   %s times the time, %s times the memory\n' \
  "$(ratio "$import_seconds" "$jq_seconds")" "$(ratio "$import_rss_kib" "$jq_rss_kib")"
if [ "$scale_status" = ok ]; then
  printf '%s× (not judged):    %s components, %.1f MB: sbom import %.3f s, peak RSS %s MiB (%s MiB per MB); jq length %.3f s, %s MiB\n' \
    "$scale" "$large_components" "$(awk -v b="$large_bytes" 'BEGIN { print b / 1e6 }')" \
    "$large_seconds" "$(mib "$large_rss_kib")" "$(per_mb "$large_rss_kib" "$large_bytes")" \
    "$large_jq_seconds" "$(mib "$large_jq_rss_kib")"
  printf '  growth:           input %s×, time %s×, memory beyond --version %s×\n' \
    "$(ratio "$large_bytes" "$bytes")" "$(ratio "$large_seconds" "$import_seconds")" \
    "$(ratio $((large_rss_kib - base_rss_kib)) $((import_rss_kib - base_rss_kib)))"
else
  echo "larger SBOM:        $scale_status"
fi
printf 'targets:            sbom import under %s s and under %s MiB peak RSS\n' "$max_seconds" "$max_rss_mib"

status=0
if awk -v s="$import_seconds" -v m="$max_seconds" 'BEGIN { exit !(s >= m) }'; then
  echo "FAIL: sbom import took $import_seconds s, not under $max_seconds s" >&2
  status=1
fi
if awk -v k="$import_rss_kib" -v m="$max_rss_mib" 'BEGIN { exit !(k >= m * 1024) }'; then
  echo "FAIL: sbom import peaked at $(mib "$import_rss_kib") MiB, not under $max_rss_mib MiB" >&2
  status=1
fi
[ "$status" -ne 0 ] || echo "PASS"
exit "$status"
