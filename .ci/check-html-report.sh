#!/usr/bin/env bash
# Renders the HTML report of the mekong-crackdown sample, screenshots it with headless Chromium and
# checks that the page is self-contained and shows the claim matrix with at least one highlighted cell.
#
# usage: .ci/check-html-report.sh CLAIMLINT_BIN OUTDIR     (run from the repository root)
#
# Leaves OUTDIR/report.html, OUTDIR/report.png (1400x1800) and OUTDIR/dom.html behind for inspection.
# Installs Debian's 'chromium' package when no chromium binary is on PATH.
set -euo pipefail

fail() { echo "check-html-report: error: $*" >&2; exit 1; }

[ $# -eq 2 ] || { echo "usage: $0 CLAIMLINT_BIN OUTDIR" >&2; exit 2; }
BIN=$1
OUT=$2
[ -x "$BIN" ] || fail "'$BIN' is not an executable claimlint binary"
[ -f samples/mekong-crackdown/draft.md ] || fail "run from the repository root (samples/mekong-crackdown/draft.md not found)"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
REPORT="$OUT/report.html"
PNG="$OUT/report.png"
DOM="$OUT/dom.html"
rm -f "$REPORT" "$PNG" "$DOM"

status=0
"$BIN" check samples/mekong-crackdown/draft.md --against samples/mekong-crackdown/sources \
  --format html --output "$REPORT" --allow-output-anywhere || status=$?
[ "$status" -le 1 ] || fail "claimlint exited $status while rendering the HTML report"
[ -s "$REPORT" ] || fail "claimlint wrote no report to '$REPORT'"

# Self-contained: no network references of any kind.
if grep -nE '<(link|img|iframe|object|embed)\b|\bsrc=|url\(|@import|https?://' "$REPORT" >&2; then
  fail "the report references something outside the file (lines above)"
fi
scripts=$(grep -o '<script' "$REPORT" | wc -l)
[ "$scripts" -le 1 ] || fail "the report has $scripts script elements; expected only the inline filter script"

if ! command -v chromium >/dev/null 2>&1; then
  echo "check-html-report: installing chromium" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
    || fail "cannot install chromium (apt-get install chromium failed)"
fi
CHROME_FLAGS=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions)

chromium "${CHROME_FLAGS[@]}" --screenshot="$PNG" --window-size=1400,1800 "file://$REPORT" >/dev/null 2>&1 \
  || fail "chromium could not take the screenshot"
[ -f "$PNG" ] || fail "no screenshot was written to '$PNG'"
size=$(wc -c <"$PNG")
[ "$size" -gt 20480 ] || fail "the screenshot is only $size bytes; the page probably rendered blank"

chromium "${CHROME_FLAGS[@]}" --dump-dom "file://$REPORT" >"$DOM" 2>/dev/null || fail "chromium could not dump the DOM"
grep -q 'id="claim-matrix"' "$DOM" || fail "the rendered page has no element with id 'claim-matrix'"
highlighted=$(grep -o '<td class="cell hl [a-z -]*sev-\(error\|warning\|note\)' "$DOM" | wc -l)
[ "$highlighted" -ge 1 ] || fail "the claim matrix has no highlighted cell"
rows=$(grep -o '<tr class="group-' "$DOM" | wc -l)

echo "check-html-report: ok: $REPORT, $rows matrix rows, $highlighted highlighted cells; screenshot $PNG ($size bytes)"
