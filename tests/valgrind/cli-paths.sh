#!/usr/bin/env bash
# tests/valgrind/cli-paths.sh — runs every path of conformity-cli that writes
# something (product add, the assessment commands, evidence add, sbom import,
# every kind of document in every language and once as PDF/A, vuln add and
# its report, dossier export and verify) under valgrind's memcheck, and
# prints TAP: one subtest per run, "ok" only when the command succeeded and
# valgrind found no invalid read or write, no use of an uninitialised value
# and no definite leak. Leaks and errors of libraries that are not ours are
# suppressed in cli-paths.supp beside this script, each one explained.
#
#   tests/valgrind/cli-paths.sh [CONFORMITY_CLI [SOURCE_DIR]]
#
# meson test runs it as "valgrind-cli" (suite memory), except in builds with
# sanitizers, which valgrind cannot run. Each valgrind log is kept in the
# work folder named on the first line when VALGRIND_KEEP=1.
set -euo pipefail

cli=${1:-${CONFORMITY_CLI:?give the conformity-cli binary}}
srcdir=${2:-${CONFORMITY_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}}
here=$(cd "$(dirname "$0")" && pwd)
sbom_dir=$srcdir/tests/data/sbom

if ! command -v valgrind >/dev/null; then
  echo "1..0 # SKIP valgrind is not installed (build-aux/packages, purpose test)"
  exit 0
fi
# A sanitized binary cannot run under valgrind; meson does not define the
# test then, this guards a run by hand.
if ldd "$cli" 2>/dev/null | grep -q -e libasan -e libtsan -e libubsan; then
  echo "1..0 # SKIP $cli is built with sanitizers, which valgrind cannot run"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/cf-valgrind-XXXXXX")
if [[ ${VALGRIND_KEEP:-0} == 1 ]]; then
  echo "# logs in $work"
else
  trap 'rm -rf "$work"' EXIT
fi
db=$work/project.db

# Every GLib slice a plain malloc, and what GLib frees cleared (gc-friendly),
# so memcheck sees each block rather than GLib's pools and stale pointers.
export G_SLICE=always-malloc
export G_DEBUG=gc-friendly,fatal-warnings
export LC_ALL=C.UTF-8
export GNUPGHOME=$work/gnupg
unset CONFORMITY_DB
mkdir -m 700 "$GNUPGHOME"

# --error-exitcode is not 1: the CLI itself exits 1 on a refusal, and a
# failure should say which of the two it was.
vg_status=97
valgrind_args=(
  --error-exitcode=$vg_status
  --leak-check=full
  --errors-for-leak-kinds=definite
  --show-leak-kinds=definite
  --track-origins=yes
  --num-callers=40
  --gen-suppressions=all
  --suppressions="$here/cli-paths.supp"
)
# GLib's own list (one-time type registrations and the like), from libglib2.0-dev.
glib_supp=/usr/share/glib-2.0/valgrind/glib.supp
if [[ -f $glib_supp ]]; then
  valgrind_args+=(--suppressions="$glib_supp")
fi

n=0
failed=0
out=""

# check NAME ARGS…: runs conformity-cli --db DB ARGS… under valgrind; its
# stdout, trimmed, is left in $out for the next steps.
check() {
  local name=$1 status=0
  shift
  n=$((n + 1))
  valgrind "${valgrind_args[@]}" --log-file="$work/$n.log" \
    "$cli" --db "$db" --actor valgrind "$@" >"$work/$n.out" 2>"$work/$n.err" || status=$?
  out=$(tr -d '\n' <"$work/$n.out")
  if [[ $status == 0 ]] && grep -q 'ERROR SUMMARY: 0 errors' "$work/$n.log"; then
    echo "ok $n - $name"
    return 0
  fi
  failed=$((failed + 1))
  echo "not ok $n - $name"
  if [[ $status == "$vg_status" ]]; then
    echo "# valgrind found errors; its log:"
    grep -v -e '^==[0-9]*== *$' "$work/$n.log" | sed 's/^/# /'
  else
    echo "# exit status $status; stderr:"
    sed 's/^/# /' "$work/$n.err"
    grep -e 'ERROR SUMMARY' "$work/$n.log" | sed 's/^/# /' || true
  fi
  return 0
}

# A few MiB of evidence, enough for several chunks of the streamed copy and
# hash, small enough for valgrind.
evidence=$work/pentest-report.txt
{ yes "Penetration test of the ST-200 web interface: no finding above low." || true; } |
  head -c 3145728 >"$evidence"
printf 'Retest after the fix of finding 3: passed.\n' >"$work/retest.txt"

check "product add" product add --name "Valgrind Hub" --model VH-1 --version 1.0 \
  --description "A hub, added to run product add under valgrind." --member-states "de, fr"
check "product add-example" product add-example
product=$out

check "manufacturer set" manufacturer set --email psirt@example.com --csirt "CERT-Bund"
check "scope set" scope set "$product" --answer commercial=yes --answer spare-part=no
check "classify set" classify set "$product" --default
check "classify coverage" classify coverage "$product" --all-applied "EN 18031-1:2024" \
  --not-applied AnnexI.PartII.8
check "assess context" assess context "$product" \
  --assumptions "The home router blocks incoming connections."
check "assess set" assess set "$product" AnnexI.PartI.2.b --applicable yes --status verified \
  --measures "A unique password per device." --standard "ETSI EN 303 645 5.1" --threat T1
check "threat add" threat add "$product" --asset "Cloud API" --title "Stolen session token" \
  --stride S --likelihood 3 --impact 4 --mitigations "Short-lived tokens" \
  --residual-likelihood 1 --residual-impact 4 --treatment mitigate --reason "Tokens expire in 15 minutes."
check "user-info set" user-info set "$product" --security-contact security@example.com \
  --declaration-url https://example.com/doc --sbom-url https://example.com/sbom

check "evidence add" evidence add "$product" "$evidence" --kind penetration-test \
  --title "Penetration test" --requirement AnnexI.PartI.2.a --threat T1 --valid-until 2030-12-31
check "evidence add --new-version-of" evidence add "$product" "$work/retest.txt" --new-version-of "$out"

check "sbom import cyclonedx json" sbom import "$product" "$sbom_dir/cyclonedx-laravel-7.12.0_bom.1.4.json"
check "sbom import cyclonedx xml" sbom import "$product" "$sbom_dir/crafted-cyclonedx-1.6.xml" \
  --product-version 2.5.0
check "sbom import spdx 2.3" sbom import "$product" "$sbom_dir/crafted-spdx-2.3.json" \
  --product-version 2.6.0
check "sbom import spdx 3.0" sbom import "$product" "$sbom_dir/crafted-spdx-3.0.json" \
  --product-version 2.7.0

for kind in declaration simplified-declaration technical-documentation user-information; do
  for lang in en de fr; do
    check "generate $kind $lang" generate "$product" --kind "$kind" --lang "$lang" \
      --out "$work/$kind-$lang.pdf"
  done
done
check "generate technical-documentation --pdfa" generate "$product" \
  --kind technical-documentation --pdfa --out "$work/technical-documentation-pdfa.pdf"

check "vuln add" vuln add "$product" --title "Heap overflow in the web interface" \
  --aware-at 2026-01-10T09:30Z --exploited --cve CVE-2026-12345 \
  --cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H --component stack-cors@1.3.0
check "report early-warning" report "$out" --step early-warning --out "$work/early-warning.pdf"

check "dossier export" dossier export "$product" --out "$work/dossier.zip"
check "dossier verify" dossier verify "$work/dossier.zip" --seal "$out"

echo "1..$n"
[[ $failed == 0 ]]
