#!/usr/bin/env python3
"""Counts tests in meson's testlog.json and prints "N passed, N failed".

Every TAP subtest counts on its own. A test program that crashed or timed
out without reporting a failing subtest counts as one more failure, so a
crash can never look like success. Exits non-zero when anything failed.
"""
import json
import re
import sys

passed = failed = skipped = 0

with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        if not line.strip():
            continue
        test = json.loads(line)
        result = test.get("result", "")
        tap_ok = tap_fail = 0
        for out in (test.get("stdout") or "").splitlines():
            if re.match(r"^not ok\b", out):
                if "# TODO" not in out:
                    tap_fail += 1
            elif re.match(r"^ok\b", out):
                if re.search(r"#\s*SKIP", out, re.IGNORECASE):
                    skipped += 1
                else:
                    tap_ok += 1
        if tap_ok or tap_fail:
            passed += tap_ok
            failed += tap_fail
            if result not in ("OK", "EXPECTEDFAIL", "SKIP") and tap_fail == 0:
                failed += 1
        elif result == "OK":
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1

if skipped:
    print(f"{skipped} skipped")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
