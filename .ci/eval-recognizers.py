#!/usr/bin/env python3
"""Measures claimlint's figure and date reading on the English Recognizers-Text specs.

usage: eval-recognizers.py CLAIMLINT_BIN RECOGNIZERS_DIR [--show-failures N]

RECOGNIZERS_DIR is the specs root (holding Number/, NumberWithUnit/, DateTime/). Each in-scope case's
Input is written to its own .txt file (after a fixed headline line, so that it is read as reportage) in a temporary directory; `claimlint claims DIR --format json`
runs once over all of them; the claims are compared with the expected spans.

A case is handled when every expected span is found:
- numbers, percentages, currencies: a quantity claim whose text contains the expected text at word
  boundaries (claimlint's span also holds the qualifier and the currency: "more than $ 247 million"
  contains "$ 247 million") and whose value is equal (percentages: unit 'percent'; currencies: value
  and ISO code); ranges: low and high equal;
- dates: a date claim whose span overlaps the expected span. The spec's ReferenceDateTime cannot be
  passed per file, so resolved values are not compared.
A case expecting nothing is handled when claimlint reads no claim of that kind.

Which cases are in scope, and why the others are not, is listed in Tests/Recognizers/README.md and in
SCOPE below. The script prints the share handled per file and overall, and exits 0 (it measures);
it exits 3 only when claimlint itself crashes (exit status above 2).
"""
import json
import math
import os
import re
import subprocess
import sys
import tempfile

FILES = [
    ("number", "Number/English/NumberModel.json"),
    ("range", "Number/English/NumberRangeModel.json"),
    ("percent", "Number/English/PercentModel.json"),
    ("currency", "NumberWithUnit/English/CurrencyModel.json"),
    ("date", "DateTime/English/DateExtractor.json"),
]

# Currency names the spec leaves without an ISO code.
CURRENCY_NAMES = {"Dollar": "USD", "Pound": "GBP", "British pound": "GBP", "Euro": "EUR"}

FRACTION_WORDS = re.compile(
    r"\b(thirds?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|twentieths?|thirtieths?|"
    r"hundredths?|thousandths?|millionths?|trillionths?|twenty-firsts?|twenty firsts?|twenty-fifth|quarters)\b")
SCALE_WORDS = re.compile(r"\b(dozens?|hundreds?|thousands?|millions?|billions?|trillions?)\b")
WORD_ORDINALS = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"twenty[- ]?(first|second|third)|thirty[- ]?first|fifteen|twenty one|twenty two|twenty three|twenty-one)\b")


# Each case follows a headline, so that the case's line is read as reportage and not as a title.
HEADLINE = "Measurement case from the English recognizer specifications\n\n"
HEADLINE_LINES = 2


def norm(s):
    return re.sub(r"\s+", " ", s.replace("\u202f", " ").replace("\u00a0", " ")).strip().lower()


def scope_reason(kind, case):
    """Why a case is out of scope, or None when it is in scope."""
    text = case["Input"]
    low = text.lower()
    results = case.get("Results", [])
    exp = [norm(r.get("Text", "")) for r in results]
    allexp = " | ".join(exp)
    if kind in ("number", "range", "percent"):
        if re.search(r"\bminus\b|\bnegative\b", low) or re.search(r"(^|[\s(<=])-\s*\d", text):
            return "negative numbers"
        if re.search(r"\d\s*/\s*\d|[½⅓⅔¼¾⅕⅙⅛]", text) or FRACTION_WORDS.search(allexp):
            return "fractions"
        if re.search(r"\b(half|quarter)\b", allexp) and not SCALE_WORDS.search(allexp):
            return "fractions"
        if re.search(r"\bpoint\b|\bnought\b|\bnaught\b", allexp):
            return "spoken decimals"
        if re.search(r"\d[eE][+-]?\d|\^|x10", text):
            return "scientific notation"
        if re.search(r"\blakh\b|\bcrore\b|\d,\d\d,\d{3}", low):
            return "Indian numbering"
        if re.search(r"\d\.\d{3},\d|\b5,00\b|\b1,3\b", text):
            return "decimal comma"
        if re.search(r"\b\d+\.\d+\.\d+\.\d+\b|\+\d-|\d/\d+/\d", text):
            return "addresses, phone numbers and numeric dates"
        if re.search(r"\bover\b|\bout of\b|\b\d+ in \w", allexp):
            return "ratios"
        if re.search(r"\d\s+[kmgKMG]\b|\d[gG]\b", text):
            return "single-letter scale after a space, or giga"
        if re.search(r"\bdzs\b|\bdozs\b|\bmillionths?\b", low):
            return "abbreviated or ordinal scales"
        if re.search(r"scp-\d|\bversion \w+", low):
            return "names with digits"
        if "1m isn't a number" in low:
            return "contradicts news usage ('£3m' is three million)"
        if kind == "range":
            if re.search(r"greater|larger|bigger|smaller|higher|lower|equal|[<>=~]|\bthan the\b", low):
                return "mathematical comparisons"
            if re.search(r"\bin \d+ or\b|\bthrough\b|\bmore than half\b|surpass", low):
                return "mathematical comparisons"
            if re.search(r"\bfrom \d+ to \d+ in\b", low) and not results:
                return "inconsistent expectation"
            if re.search(r"\b(more|less|fewer|above|below|most|least) (than )?\w+ and (more|less|fewer|above|below|at)\b", low):
                return "two-sided comparisons ('above 1000 and below 1500')"
            if "and more" in low or "or more" in low or "or less" in low:
                return "mathematical comparisons"
            if "in 2009" in low and "more than 2 in" in low:
                return "ratios"
        if kind == "percent":
            if re.search(r"percentage\b|\bper\s?cents? of\b|\bpercents? of\b", low):
                return "percent written before the number, or 'percentage' as a unit"
            if any(r.get("Resolution", {}).get("value") in (None, "null") for r in results):
                return "percent without a number"
        return None
    if kind == "currency":
        for r in results:
            res = r.get("Resolution") or {}
            if res.get("value") is None:
                return "currency name without a figure"
            iso = res.get("isoCurrency") or CURRENCY_NAMES.get(res.get("unit"))
            if not iso:
                return "sub-units, obsolete, ambiguous or crypto currencies (%s)" % res.get("unit")
        if re.search(r"\blakh\b|\d,\d\d,\d{3}", low):
            return "Indian numbering"
        if re.search(r"\b(thirteen|one|\d+) (dollars?|usd) (and )?\S*\d|\b\d+ usd \d|dollars? (and )?\d|cents?\b", low) or \
                re.search(r"(dollars?|\$ \d+) (and )?(one|two|three|forty|fifty|fifteen)\b|\bkuai\b|\bmao\b", low):
            return "compound amounts (dollars and cents)"
        if re.search(r"\b(usd|eur|gbp)\d|\d(usd)\b|\bm(usd|eur|gbp|aud)\b|\b\d+ usd million|\bdollar \d", low):
            return "codes written on the digits or inside the scale"
        if re.search(r"\bsen \d|one-yen|\d-cent", low):
            return "codes written on the digits or inside the scale"
        if re.search(r"\bquarters\b|\bthree quarters\b", low):
            return "fractions"
        if re.search(r"\$\s*10 dollars|\$10 dollars", low):
            return "currency written twice"
        return None
    if kind == "date":
        if re.search(r"\d+\s*[/.]\s*\d+|\d+-\d+|\b\d{4}-\w+-\d", allexp) or re.search(r"\d+/\d+", low):
            return "numeric dates (month/day order is ambiguous)"
        if re.search(r"\b[a-z]+[-/]\d|\d+[-/][a-z]+|[a-z]\d|\d[a-z]{3,}", allexp):
            return "hyphenated or unspaced dates"
        if WORD_ORDINALS.search(allexp) and not re.search(r"\d", allexp):
            if not re.search(r"\b(sunday|monday)$", allexp):
                return "days written as ordinal words"
        if re.search(r"\b(next week|this week|of next|of this|from now|from tomorrow|later|in \d+ weeks|business days|next month|this month)\b", allexp):
            return "week-relative and future arithmetic"
        if re.search(r"\b(the )?(next|last) day\b|^the day$", allexp):
            return "narrative-relative days"
        if re.search(r"two thousand|nineteen", allexp):
            return "years written in words"
        if re.search(r"\bon \d+$", low) or re.search(r"\btmrw\b", low):
            return "bare numbers and text-message spelling"
        if re.search(r"\d+\.\s*\w+\.\s*\d{4}", low):
            return "numeric dates (month/day order is ambiguous)"
        if "6,107.31 august 2019" in low:
            return "contradicts month-year dates ('August 2019' is a date)"
        return None
    return None


def expected_value(kind, r):
    res = r.get("Resolution") or {}
    if kind == "range":
        m = re.match(r"^([\[(])\s*([^,]*)\s*,\s*([^\])]*)\s*([\])])$", res.get("value", ""))
        if not m:
            return None
        lo = float(m.group(2)) if m.group(2) else None
        hi = float(m.group(3)) if m.group(3) else None
        return (lo, hi)
    v = res.get("value")
    if v is None:
        return None
    return float(str(v).rstrip("%"))


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def contains_at_boundary(needle, hay):
    i = hay.find(needle)
    while i >= 0:
        before = hay[i - 1] if i > 0 else " "
        after = hay[i + len(needle)] if i + len(needle) < len(hay) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        i = hay.find(needle, i + 1)
    return False


def claim_offsets(lines_start, c):
    line, end_line = c["line"] - HEADLINE_LINES, c["endLine"] - HEADLINE_LINES
    if line < 1 or end_line < 1 or end_line > len(lines_start):
        return -1, -1
    s = lines_start[line - 1] + c["column"] - 1
    e = lines_start[end_line - 1] + c["endColumn"] - 1
    return s, e


def handled(kind, case, claims, text):
    results = case.get("Results", [])
    claims = [c for c in claims if c.get("line", 0) > HEADLINE_LINES]
    if kind == "date":
        rel = [c for c in claims if c.get("kind") == "date"]
    elif kind == "currency":
        rel = [c for c in claims if c.get("kind") == "quantity" and c.get("unit") not in (None, "percent", "percentage point")]
    else:
        rel = [c for c in claims if c.get("kind") == "quantity"]
    if not results:
        return not rel
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    for r in results:
        want = norm(r.get("Text", ""))
        ok = False
        if kind == "date":
            es = r.get("Start", 0)
            ee = es + r.get("Length", len(r.get("Text", "")))
            for c in rel:
                cs, ce = claim_offsets(starts, c)
                if cs < ee and es < ce:
                    ok = True
                    break
        else:
            ev = expected_value(kind, r)
            iso = None
            if kind == "currency":
                res = r.get("Resolution") or {}
                iso = res.get("isoCurrency") or CURRENCY_NAMES.get(res.get("unit"))
            for c in rel:
                if not contains_at_boundary(want, norm(c.get("text", ""))):
                    continue
                if kind == "range":
                    if ev is not None and close(c.get("low"), ev[0]) and close(c.get("high"), ev[1]):
                        ok = True
                elif kind == "percent":
                    ok = c.get("unit") == "percent" and close(c.get("value"), ev)
                elif kind == "currency":
                    ok = c.get("unit") == iso and close(c.get("value"), ev)
                else:
                    ok = close(c.get("value"), ev)
                if ok:
                    break
        if not ok:
            return False
    return True


def main():
    args = sys.argv[1:]
    show = 0
    if "--show-failures" in args:
        k = args.index("--show-failures")
        show = int(args[k + 1])
        del args[k:k + 2]
    if len(args) != 2:
        print(__doc__.strip().split("\n")[2], file=sys.stderr)
        return 2
    binary, root = args
    work = tempfile.mkdtemp(prefix="claimlint-recognizers-")
    cases = []
    excluded = {}
    for tag, rel in FILES:
        with open(os.path.join(root, rel), encoding="utf-8-sig") as f:
            data = json.load(f)
        for idx, case in enumerate(data):
            reason = scope_reason(tag, case)
            if reason:
                excluded.setdefault((tag, reason), 0)
                excluded[(tag, reason)] += 1
                continue
            name = "%s-%04d.txt" % (tag, idx)
            with open(os.path.join(work, name), "w", encoding="utf-8") as f:
                f.write(HEADLINE + case["Input"] + "\n")
            cases.append((tag, rel, name, case))
    rules = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules")
    proc = subprocess.run(
        [binary, "claims", work, "--format", "json", "--rules", os.path.normpath(rules)], capture_output=True, text=True)
    if proc.returncode > 2:
        print("error: claimlint exited %d" % proc.returncode, file=sys.stderr)
        print(proc.stderr[-2000:], file=sys.stderr)
        return 3
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        print("error: claimlint did not print JSON", file=sys.stderr)
        print(proc.stderr[-2000:], file=sys.stderr)
        return 3
    by_name = {}
    for doc in report.get("documents", []):
        by_name[os.path.basename(doc.get("path", ""))] = doc.get("claims") or []
    totals = {}
    failures = []
    for tag, rel, name, case in cases:
        ok = handled(tag, case, by_name.get(name, []), case["Input"])
        t = totals.setdefault(rel, [0, 0])
        t[1] += 1
        if ok:
            t[0] += 1
        else:
            failures.append((rel, case, by_name.get(name, [])))
    all_ok = sum(v[0] for v in totals.values())
    all_n = sum(v[1] for v in totals.values())
    for tag, rel in FILES:
        ok, n = totals.get(rel, [0, 0])
        out = sum(v for (t, _), v in excluded.items() if t == tag)
        print("%-48s %4d/%-4d handled (%5.1f%%), %d out of scope" % (rel, ok, n, 100.0 * ok / max(n, 1), out))
    print("%-48s %4d/%-4d handled (%5.1f%%)" % ("overall (in scope)", all_ok, all_n, 100.0 * all_ok / max(all_n, 1)))
    if show:
        print("\nout of scope:")
        for (tag, reason), count in sorted(excluded.items()):
            print("  %-9s %3d  %s" % (tag, count, reason))
        print("\nfailures:")
        for rel, case, claims in failures[:show]:
            got = [(c.get("kind"), c.get("text"), c.get("value"), c.get("low"), c.get("high"), c.get("unit")) for c in claims]
            want = [(r.get("Text"), (r.get("Resolution") or {}).get("value")) for r in case.get("Results", [])]
            print("  %s: %r\n    want %r\n    got  %r" % (os.path.basename(rel), case["Input"][:120], want, got))
    return 0


if __name__ == "__main__":
    sys.exit(main())
