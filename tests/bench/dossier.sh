#!/bin/sh
# dossier.sh — how fast `conformity-cli dossier export` writes, and `dossier
# verify` checks, a dossier holding 2 GiB of evidence, how much memory each
# takes, and how that compares with bsdtar writing and reading a ZIP of the
# same files. See docs/PERFORMANCE.md.
#
# Usage: tests/bench/dossier.sh [PATH/TO/conformity-cli]
#   The program may also be given as $CONFORMITY_CLI.
#
# Environment:
#   BENCH_SIZE_MIB    the size of the large evidence files together, in MiB
#                     (default 2048)
#   BENCH_FILES       how many large files that is split into (8); five small
#                     files of 4 KiB to 1 MiB come besides
#   BENCH_RUNS        how many times each step is timed, in turns; the fastest
#                     run counts, as the one least disturbed by other work (3)
#   BENCH_MAX_RSS_MIB the peak RSS `dossier export` and `dossier verify` must
#                     each stay under (100)
#   BENCH_INPUT_DIR   a folder of evidence files to reuse; written there when
#                     missing or of the wrong size (default: a new one in the
#                     temporary folder)
#   TMPDIR            where the temporary folder goes (default /tmp); it needs
#                     about five times BENCH_SIZE_MIB (the files, the database,
#                     the dossier, bsdtar's two ZIPs), four times with
#                     BENCH_INPUT_DIR elsewhere
#
# Exit status: 0 when both targets are met, 1 when one is not, 2 when the
# benchmark could not run (among others: export or verify failed, or verify
# did not find the dossier intact).
set -eu

cli=${1:-${CONFORMITY_CLI:-}}
size_mib=${BENCH_SIZE_MIB:-2048}
n_files=${BENCH_FILES:-8}
runs=${BENCH_RUNS:-3}
max_rss_mib=${BENCH_MAX_RSS_MIB:-100}
input_dir=${BENCH_INPUT_DIR:-}
time_bin=/usr/bin/time

fail() {
  echo "dossier.sh: $*" >&2
  exit 2
}

[ -n "$cli" ] || fail "give the path of conformity-cli as the argument or in \$CONFORMITY_CLI"
[ -x "$cli" ] || fail "$cli is not an executable program"
[ "$n_files" -ge 1 ] || fail "BENCH_FILES must be at least 1"

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

# GNU time gives the peak RSS; the shell's `time` keyword does not. bsdtar
# (libarchive's own front end, package libarchive-tools) is what the dossier
# is compared with: the same library, the same ZIP writer and reader.
[ -x "$time_bin" ] || install_packages time || fail "please install as root: apt-get install time"
command -v bsdtar >/dev/null || install_packages libarchive-tools ||
  fail "please install as root: apt-get install libarchive-tools"
bsdtar=$(command -v bsdtar) || fail "bsdtar is not installed and could not be: apt-get install libarchive-tools"

work=$(mktemp -d "${TMPDIR:-/tmp}/cf-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 2' INT TERM

[ -n "$input_dir" ] || input_dir=$work/evidence
mkdir -p "$input_dir"

# Wall-clock seconds, peak RSS (KiB) and user + system seconds from `time
# -v`'s report in $1.
elapsed() {
  # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:04.12"
  sed -n 's/^[[:space:]]*Elapsed (wall clock) time[^:]*: *//p' "$1" |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.3f\n", s }'
}
peak_rss_kib() {
  sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): *//p' "$1"
}
cpu_seconds() {
  sed -n 's/^[[:space:]]*\(User\|System\) time (seconds): *//p' "$1" |
    awk '{ s += $1 } END { printf "%.2f\n", s }'
}
mib() {
  awk -v k="$1" 'BEGIN { printf "%.1f\n", k / 1024 }'
}

# The input: BENCH_FILES files of random data (firmware images, compressed
# captures: what large evidence mostly is, and incompressible), and five small
# files, two of them text that compresses. Written once, reused when right.
# Whether $1 is missing or not $2 bytes long.
needs() {
  [ ! -f "$input_dir/$1" ] || [ "$(wc -c < "$input_dir/$1")" -ne "$2" ]
}
# Writes $1 of $2 random bytes, unless it is there already.
write_random() {
  ! needs "$1" "$2" || head -c "$2" /dev/urandom > "$input_dir/$1"
}
log_lines() {
  awk 'BEGIN { for (i = 0; ; i++)
    printf "2026-03-%02dT%02d:%02d:%02d.%03dZ %s test_case_%05d %s in %d ms (seed %d)\n",
      1 + i % 28, i % 24, i % 60, (i * 7) % 60, (i * 37) % 1000,
      (i % 17 ? "INFO" : "WARN"), i, (i % 53 ? "passed" : "FAILED"), (i * 7919) % 5000, i * 31 }'
}
large_bytes=$((size_mib * 1024 * 1024 / n_files))
echo "Writing $n_files files of $((large_bytes / 1024 / 1024)) MiB of random data and 5 small files to $input_dir …" >&2
files=
i=1
while [ "$i" -le "$n_files" ]; do
  write_random "firmware-$i.bin" "$large_bytes"
  files="$files firmware-$i.bin"
  i=$((i + 1))
done
write_random "pentest-report.pdf" 1048576
write_random "enclosure-photo.jpg" 307200
# The two text files: a test log and a policy, which deflate compresses.
! needs test-log.txt 524288 || log_lines | head -c 524288 > "$input_dir/test-log.txt"
if needs update-policy.md 4096; then
  yes "Security updates are published within 14 days of a fix and supported for five years." |
    head -c 4096 > "$input_dir/update-policy.md"
fi
write_random "vendor-certificate.der" 2048
files="$files pentest-report.pdf enclosure-photo.jpg test-log.txt update-policy.md vendor-certificate.der"

bytes=0
for f in $files; do
  bytes=$((bytes + $(wc -c < "$input_dir/$f")))
done
n_members=0
for f in $files; do n_members=$((n_members + 1)); done

# One product, every file attached as an item of evidence of its own.
db=$work/bench.db
product=$("$cli" --db "$db" product add --name "Smart Thermostat" --model ST-200 --version 2.4.1) ||
  fail "product add failed"
[ "$product" = 1 ] || fail "product add printed “$product”, not 1"
max_size=$((large_bytes > 1073741824 ? large_bytes : 1073741824))
echo "Attaching $n_members files, $bytes bytes, as evidence …" >&2
"$time_bin" -v -o "$work/add.time" sh -c '
  cli=$1 db=$2 dir=$3 max=$4; shift 4
  for f; do
    "$cli" --db "$db" evidence add 1 "$dir/$f" --title "Evidence $f" --max-size "$max" > /dev/null || exit 1
  done' sh "$cli" "$db" "$input_dir" "$max_size" $files ||
  { cat "$work/add.time" >&2; fail "evidence add failed"; }
add_seconds=$(elapsed "$work/add.time")

dossier=$work/dossier.zip
reference=$work/bsdtar.zip
stored=$work/bsdtar-store.zip

# Everything is read from the page cache: the first read warms it.
cat "$db" "$db-wal" 2>/dev/null > /dev/null || true
(cd "$input_dir" && cat $files > /dev/null)

# Runs "$@" under time -v as step $1 (the rest is the command), appending
# "seconds peak-RSS-KiB CPU-seconds" to $work/$1.runs. Its output goes to
# $work/$1.out and .err.
measure() {
  step=$1
  shift
  "$time_bin" -v -o "$work/$step.time" "$@" > "$work/$step.out" 2> "$work/$step.err" ||
    { cat "$work/$step.err" "$work/$step.time" >&2; fail "$step failed: $*"; }
  printf '%s %s %s\n' "$(elapsed "$work/$step.time")" "$(peak_rss_kib "$work/$step.time")" \
    "$(cpu_seconds "$work/$step.time")" >> "$work/$step.runs"
}

# The steps compared. bsdtar gets the same work as far as a command line
# allows: it writes a ZIP of the same files with libarchive's same default
# (deflate), and makes it durable as export does (fsync: `sync FILE`); it
# reads the dossier export wrote, its headers first (-t) and then every
# member through inflate into SHA-256 (-xO | sha256sum), as verify does.
create_reference='
  "$1" --format zip $4 -cf "$2" -C "$3" $5 && sync "$2"'
read_reference='
  "$1" -tf "$2" > /dev/null || exit 1
  { "$1" -xOf "$2" || echo "bsdtar -x failed" > "$3"; } | sha256sum
  [ ! -s "$3" ]'

run=1
while [ "$run" -le "$runs" ]; do
  rm -f "$dossier"
  measure export "$cli" --db "$db" dossier export 1 --out "$dossier"
  seal=$(cat "$work/export.out")
  measure verify "$cli" dossier verify "$dossier" --seal "$seal"
  grep -q '^intact' "$work/verify.out" ||
    { cat "$work/verify.out" "$work/verify.err" >&2; fail "dossier verify did not find the dossier intact"; }

  rm -f "$reference" "$stored"
  measure bsdtar-create sh -c "$create_reference" sh "$bsdtar" "$reference" "$input_dir" "" "$files"
  rm -f "$work/read.failed"
  measure bsdtar-read sh -c "$read_reference" sh "$bsdtar" "$dossier" "$work/read.failed"

  # For the record: what deflate costs (bsdtar storing), and SHA-256 alone.
  measure bsdtar-store sh -c "$create_reference" sh "$bsdtar" "$stored" "$input_dir" \
    "--options zip:compression=store" "$files"
  measure sha256sum sh -c 'cd "$1" && shift && sha256sum "$@"' sh "$input_dir" $files
  rm -f "$stored"

  printf 'run %s: export %.2f s, verify %.2f s, bsdtar -c %.2f s, bsdtar -t/-xO %.2f s, store %.2f s, sha256sum %.2f s\n' \
    "$run" "$(elapsed "$work/export.time")" "$(elapsed "$work/verify.time")" \
    "$(elapsed "$work/bsdtar-create.time")" "$(elapsed "$work/bsdtar-read.time")" \
    "$(elapsed "$work/bsdtar-store.time")" "$(elapsed "$work/sha256sum.time")" >&2
  run=$((run + 1))
done

# The dossier must hold what was attached: every file and the manifest.
listed=$("$bsdtar" -tf "$dossier" | grep -c '^evidence/E[0-9]*/') || true
[ "$listed" -eq "$n_members" ] || fail "the dossier lists $listed evidence members, not $n_members"
"$bsdtar" -tf "$dossier" | grep -qx 'manifest.json' || fail "the dossier has no manifest.json"
dossier_bytes=$(wc -c < "$dossier")
reference_bytes=$(wc -c < "$reference")

# Fastest seconds, their CPU seconds, the slowest seconds and the largest
# peak RSS of step $1: "fastest cpu slowest rss-kib".
summary() {
  sort -n "$work/$1.runs" | awk '
    NR == 1 { fast = $1; cpu = $3 }
    { slow = $1; if ($2 > rss) rss = $2 }
    END { print fast, cpu, slow, rss }'
}
row() {
  # $1 label, $2 step, $3 step of the bsdtar it is compared with (or "")
  set -- "$1" "$2" "$3" $(summary "$2")
  label=$1 fast=$4 cpu=$5 slow=$6 rss=$7
  if [ -n "$3" ]; then
    ratio=$(awk -v a="$fast" -v b="$(summary "$3" | cut -d' ' -f1)" \
      'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  else
    ratio=
  fi
  awk -v l="$label" -v s="$fast" -v sl="$slow" -v b="$bytes" -v r="$rss" -v c="$cpu" -v q="$ratio" \
    'BEGIN { printf "| %-34s | %6.2f (%6.2f) | %7.1f | %7.1f | %6.2f | %9s |\n",
               l, s, sl, (s > 0 ? b / 1048576 / s : 0), r / 1024, c, q }'
}

printf '\nevidence:  %s files, %s bytes (%.1f MiB): %s × %s MiB random, 5 small (2 text)\n' \
  "$n_members" "$bytes" "$(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')" \
  "$n_files" "$((large_bytes / 1024 / 1024))"
printf 'attaching them (evidence add, not judged): %.2f s\n' "$add_seconds"
printf 'dossier:   %s bytes (%.3f of the evidence); bsdtar ZIP %s bytes\n' \
  "$dossier_bytes" "$(awk -v a="$dossier_bytes" -v b="$bytes" 'BEGIN { print a / b }')" "$reference_bytes"
printf 'fastest of %s runs (slowest in brackets); MiB/s of evidence; peak RSS the largest of all\n' "$runs"
printf 'runs; CPU s (user + system) of the fastest run; vs bsdtar: its time over bsdtar'\''s\n\n'
printf '| %-34s | %-15s | %-7s | %-7s | %-6s | %-9s |\n' step "seconds" "MiB/s" "RSS MiB" "CPU s" "vs bsdtar"
printf '|%s|%s|%s|%s|%s|%s|\n' ------------------------------------ ----------------- --------- --------- -------- -----------
row "dossier export" export bsdtar-create
row "bsdtar -c (zip, deflate) + sync" bsdtar-create ""
row "dossier verify" verify bsdtar-read
row "bsdtar -t, then -xO into sha256sum" bsdtar-read ""
row "bsdtar -c (zip, store) + sync" bsdtar-store ""
row "sha256sum of the files" sha256sum ""
printf '\ntargets:   peak RSS of export and of verify under %s MiB\n' "$max_rss_mib"

status=0
for step in export verify; do
  rss=$(summary "$step" | cut -d' ' -f4)
  if awk -v k="$rss" -v m="$max_rss_mib" 'BEGIN { exit !(k >= m * 1024) }'; then
    echo "FAIL: dossier $step peaked at $(mib "$rss") MiB, not under $max_rss_mib MiB" >&2
    status=1
  fi
done
[ "$status" -ne 0 ] || echo "PASS"
exit "$status"
