#!/bin/sh
# technical-documentation.sh — how fast Conformity generates the technical
# documentation of a large product, how much memory it takes, and how that
# compares with LibreOffice converting the same content from HTML to PDF.
# See docs/PERFORMANCE.md.
#
# Usage: tests/bench/technical-documentation.sh [CLI [MAKE-PRODUCT [RENDER]]]
#   CLI           conformity-cli (or $CONFORMITY_CLI)
#   MAKE-PRODUCT  tests/bench/make-large-product from the same build
#   RENDER        tests/bench/render-technical-documentation from the same build
#   The two helpers default to tests/bench/ of the build CLI comes from;
#   build them with `ninja -C _build tests/bench/make-large-product
#   tests/bench/render-technical-documentation` (`meson test --benchmark`
#   builds them itself).
#
# Environment:
#   BENCH_RUNS        how many times each is timed, in turns; the fastest run
#                     counts, as the one least disturbed by other work (3)
#   BENCH_MAX_SECONDS the wall-clock time `generate` must stay under (1)
#   BENCH_MAX_RSS_MIB the peak RSS `generate` must stay under (100)
#   BENCH_KEEP        a folder to copy the database, the PDFs and the HTML
#                     into, to look at them afterwards (default: none)
#   BENCH_LIBREOFFICE 0 skips the comparison with LibreOffice (1)
#   TMPDIR            where the temporary folder goes (default /tmp)
#
# Exit status: 0 when both targets are met, 1 when one is not, 2 when the
# benchmark could not run. A LibreOffice that is missing and cannot be
# installed is reported and skipped; it does not change the status.
set -eu

cli=${1:-${CONFORMITY_CLI:-}}
runs=${BENCH_RUNS:-3}
max_seconds=${BENCH_MAX_SECONDS:-1}
max_rss_mib=${BENCH_MAX_RSS_MIB:-100}
keep=${BENCH_KEEP:-}
with_libreoffice=${BENCH_LIBREOFFICE:-1}
time_bin=/usr/bin/time

fail() {
  echo "technical-documentation.sh: $*" >&2
  exit 2
}

[ -n "$cli" ] || fail "give the path of conformity-cli as the argument or in \$CONFORMITY_CLI"
[ -x "$cli" ] || fail "$cli is not an executable program"
build_dir=$(cd "$(dirname "$cli")/../.." && pwd)
make_product=${2:-$build_dir/tests/bench/make-large-product}
render=${3:-$build_dir/tests/bench/render-technical-documentation}
for helper in "$make_product" "$render"; do
  [ -x "$helper" ] ||
    fail "$helper is missing: ninja -C $build_dir tests/bench/make-large-product tests/bench/render-technical-documentation"
done

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

# GNU time gives the peak RSS; the shell's `time` keyword does not.
[ -x "$time_bin" ] || install_packages time || fail "please install as root: apt-get install time"

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
mib() {
  awk -v k="$1" 'BEGIN { printf "%.1f\n", k / 1024 }'
}
# A figure from render-technical-documentation's "name value" report in $1.
figure() {
  sed -n "s/^$2 //p" "$1"
}
# Pages of a PDF: pdfinfo when poppler-utils is there, else the page objects.
pages() {
  if command -v pdfinfo >/dev/null; then
    pdfinfo "$1" | sed -n 's/^Pages: *//p'
  else
    LC_ALL=C grep -a -o '/Type */Page[^s]' "$1" | wc -l
  fi
}
per_second() {
  awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f\n", (s > 0 ? n / s : 0) }'
}
min() {
  awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'
}
max() {
  awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b > a) ? b : a }'
}

# The product, once. Each timed `generate` stores its PDF as a new version,
# so every run starts from a fresh copy of this database.
db=$work/large.db
echo "Creating the large product in $db …" >&2
"$time_bin" -v -o "$work/make.time" "$make_product" "$db" > "$work/make.out" ||
  { cat "$work/make.time" >&2; fail "make-large-product failed"; }
product=$(cat "$work/make.out")
[ ! -e "$db-wal" ] || fail "$db-wal was left behind: the database is not closed cleanly"
# The components of its latest SBOM, as the documentation tables them
# (make-large-product --components, 2,000 by default; 0 when none).
"$cli" --db "$db" sbom list "$product" --json > "$work/sboms.json" ||
  fail "conformity-cli sbom list failed"
sbom_components=$(sed -n 's/^[[:space:]]*"components"[[:space:]]*:[[:space:]]*\([0-9]*\).*/\1/p' \
  "$work/sboms.json" | head -n 1)
sbom_components=${sbom_components:-0}

# Conformity, both ways, in turns.
cli_seconds= cli_slowest= cli_rss_kib=
render_seconds= render_slowest= render_rss_kib= render_best=
run=1
while [ "$run" -le "$runs" ]; do
  cp "$db" "$work/run.db"
  "$time_bin" -v -o "$work/cli.time" \
    "$cli" --db "$work/run.db" generate "$product" --kind technical-documentation \
    --out "$work/conformity.pdf" > "$work/cli.out" ||
    { cat "$work/cli.time" >&2; fail "conformity-cli generate failed"; }
  seconds=$(elapsed "$work/cli.time")
  cli_seconds=$(min "$cli_seconds" "$seconds")
  cli_slowest=$(max "$cli_slowest" "$seconds")
  cli_rss_kib=$(max "$cli_rss_kib" "$(peak_rss_kib "$work/cli.time")")
  rm -f "$work/run.db" "$work/run.db-wal" "$work/run.db-shm"

  "$time_bin" -v -o "$work/render.time" "$render" "$db" "$product" > "$work/render.out" ||
    { cat "$work/render.time" >&2; fail "render-technical-documentation failed"; }
  inside=$(figure "$work/render.out" build_render)
  render_rss_kib=$(max "$render_rss_kib" "$(peak_rss_kib "$work/render.time")")
  render_slowest=$(max "$render_slowest" "$inside")
  if [ "$(min "$render_seconds" "$inside")" = "$inside" ]; then
    render_seconds=$inside
    cp "$work/render.out" "$work/render.best"
  fi
  printf 'run %s:  generate %.2f s, build + render %.3f s\n' "$run" "$seconds" "$inside"
  run=$((run + 1))
done

# The same model as HTML, for LibreOffice.
"$render" --html "$work/technical-documentation.html" "$db" "$product" > /dev/null ||
  fail "render-technical-documentation --html failed"

cf_pages=$(pages "$work/conformity.pdf")
pdf_bytes=$(wc -c < "$work/conformity.pdf")
html_bytes=$(wc -c < "$work/technical-documentation.html")

# LibreOffice, from the HTML, as a user would convert it.
lo=
lo_status="not run (BENCH_LIBREOFFICE=0)"
if [ "$with_libreoffice" != 0 ]; then
  lo=$(command -v libreoffice || command -v soffice || true)
  if [ -z "$lo" ]; then
    install_packages libreoffice-writer-nogui || true
    lo=$(command -v libreoffice || command -v soffice || true)
  fi
  [ -n "$lo" ] || lo_status="skipped: LibreOffice is not installed and could not be (apt-get install libreoffice-writer-nogui)"
fi

lo_seconds= lo_slowest= lo_rss_kib= lo_pages=
if [ -n "$lo" ]; then
  # A profile of its own, created by a first conversion that is not timed:
  # a user converting files has one already.
  profile="file://$work/lo-profile"
  mkdir -p "$work/lo"
  lo_convert() {
    "$time_bin" -v -o "$work/lo.time" \
      "$lo" "-env:UserInstallation=$profile" --headless --convert-to pdf --outdir "$work/lo" \
      "$work/technical-documentation.html" > "$work/lo.out" 2>&1
  }
  if lo_convert && [ -s "$work/lo/technical-documentation.pdf" ]; then
    run=1
    while [ "$run" -le "$runs" ]; do
      rm -f "$work/lo/technical-documentation.pdf"
      lo_convert || { cat "$work/lo.out" "$work/lo.time" >&2; fail "LibreOffice failed"; }
      [ -s "$work/lo/technical-documentation.pdf" ] || fail "LibreOffice wrote no PDF"
      seconds=$(elapsed "$work/lo.time")
      lo_seconds=$(min "$lo_seconds" "$seconds")
      lo_slowest=$(max "$lo_slowest" "$seconds")
      lo_rss_kib=$(max "$lo_rss_kib" "$(peak_rss_kib "$work/lo.time")")
      printf 'run %s:  LibreOffice %.2f s\n' "$run" "$seconds"
      run=$((run + 1))
    done
    lo_pages=$(pages "$work/lo/technical-documentation.pdf")
    lo_status=ok
  else
    cat "$work/lo.out" >&2
    lo_status="skipped: $lo could not convert the HTML (see above)"
  fi
fi

if [ -n "$keep" ]; then
  mkdir -p "$keep"
  cp "$db" "$work/conformity.pdf" "$work/technical-documentation.html" "$keep/"
  [ "$lo_status" != ok ] || cp "$work/lo/technical-documentation.pdf" "$keep/libreoffice.pdf"
fi

best=$work/render.best
printf '\nproduct:            %s (%s threats, %s evidence items, %s SBOM components); %s blocks, %s pages, PDF %s bytes, HTML %s bytes\n' \
  "$product" "$(figure "$best" threats)" "$(figure "$best" evidence)" "$sbom_components" "$(figure "$best" blocks)" \
  "$cf_pages" "$pdf_bytes" "$html_bytes"
printf 'fastest of %s runs; slowest in brackets\n' "$runs"
printf 'generate (CLI):     %6.3f s  (%.3f s)  %6.1f pages/s  %5.2f MB/s of PDF  peak RSS %s MiB\n' \
  "$cli_seconds" "$cli_slowest" "$(per_second "$cf_pages" "$cli_seconds")" \
  "$(awk -v b="$pdf_bytes" -v s="$cli_seconds" 'BEGIN { printf "%.2f", (s > 0 ? b / s / 1e6 : 0) }')" \
  "$(mib "$cli_rss_kib")"
printf 'build + render:     %6.3f s  (%.3f s)  %6.1f pages/s  peak RSS %s MiB\n' \
  "$render_seconds" "$render_slowest" "$(per_second "$cf_pages" "$render_seconds")" "$(mib "$render_rss_kib")"
printf '  phases:           open %s, read %s, build %s, render %s, text %s s\n' \
  "$(figure "$best" open)" "$(figure "$best" read)" "$(figure "$best" build)" \
  "$(figure "$best" render)" "$(figure "$best" text)"
if [ "$lo_status" = ok ]; then
  printf 'LibreOffice:        %6.3f s  (%.3f s)  %6.1f pages/s  peak RSS %s MiB  (%s pages, %s)\n' \
    "$lo_seconds" "$lo_slowest" "$(per_second "$lo_pages" "$lo_seconds")" "$(mib "$lo_rss_kib")" \
    "$lo_pages" "$("$lo" "-env:UserInstallation=$profile" --version 2>/dev/null | head -n 1)"
  printf 'LibreOffice / generate:        %s\n' \
    "$(awk -v l="$lo_seconds" -v c="$cli_seconds" 'BEGIN { printf "%.1f", (c > 0 ? l / c : 0) }')"
  printf 'LibreOffice / build + render:  %s\n' \
    "$(awk -v l="$lo_seconds" -v c="$render_seconds" 'BEGIN { printf "%.1f", (c > 0 ? l / c : 0) }')"
else
  echo "LibreOffice:        $lo_status"
fi
printf 'targets:            generate under %s s and under %s MiB peak RSS\n' "$max_seconds" "$max_rss_mib"

status=0
if awk -v s="$cli_seconds" -v m="$max_seconds" 'BEGIN { exit !(s >= m) }'; then
  echo "FAIL: generate took $cli_seconds s, not under $max_seconds s" >&2
  status=1
fi
if awk -v k="$cli_rss_kib" -v m="$max_rss_mib" 'BEGIN { exit !(k >= m * 1024) }'; then
  echo "FAIL: generate peaked at $(mib "$cli_rss_kib") MiB, not under $max_rss_mib MiB" >&2
  status=1
fi
[ "$status" -ne 0 ] || echo "PASS"
exit "$status"
