#!/usr/bin/env python3
"""Check that claimlint extracts the claims an editor would read from the seed articles.

usage: check-seed-claims.py [--report-only] CLAIMLINT_BIN SEEDS_DIR TABLE
       check-seed-claims.py --self-test

Runs `CLAIMLINT_BIN claims SEEDS_DIR --format json` and looks for every row of TABLE
(Tests/Acceptance/seed-claims.json) among the claims of the seed whose file name starts with the row's
"seed" prefix. Prints found/total per kind and every missing row (with the closest claims of that kind),
and exits 1 when a row is missing. With --report-only it exits 0 whatever is missing. A crash of the
binary (exit status above 2 or a signal) or output that is not JSON always exits 1.

Match rules (see Tests/Acceptance/README.md):
  - only keys present in the row are compared; a key given as null needs a null or absent value;
  - "text", "speaker", "person", "place": case-insensitive overlap (one contains the other, whitespace
    collapsed);
  - "value", "low", "high": numbers equal;
  - "qualifier": same group ("more than" = "over", "about" = "approximately" = "around" ...);
  - "unit", "counted", "action": equal, case-insensitive; "hedged": equal booleans;
  - "title": the row's title is a substring of the claim's title;
  - "participants": compared as sets, each row participant overlapping a different claim participant;
  - attribution rows are matched by attribution or quote claims; claims of the comment layer never match.
"""
import json
import os
import re
import stat
import subprocess
import sys
import tempfile

KINDS = ["quantity", "date", "attribution", "quote", "title", "event"]

QUALIFIER_GROUPS = [
    {"more than", "over", "above", "exceeding", "in excess of", "upwards of", "greater than"},
    {"at least", "no fewer than", "no less than", "a minimum of"},
    {"fewer than", "less than", "under", "below"},
    {"up to", "at most", "nearly", "almost", "no more than", "as many as"},
    {"about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "close to",
     "approx.", "approx", "circa", "or so"},
    {"between", "from", "range"},
]


def norm(s):
    """Lower-case, typographic quotes made plain, whitespace collapsed."""
    s = (s or "").replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s.lower()).strip()


def overlaps(a, b):
    a, b = norm(a), norm(b)
    return bool(a) and bool(b) and (a in b or b in a)


def qualifier_group(q):
    q = norm(q)
    for i, group in enumerate(QUALIFIER_GROUPS):
        if q in group:
            return i
    return q


def same_number(x, y):
    if x is None or y is None:
        return x is None and y is None
    try:
        x, y = float(x), float(y)
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


def empty(v):
    return v is None or v == "" or v == []


def field_mismatch(row, claim):
    """The first row field the claim does not satisfy, or None when it matches."""
    kind = row["kind"]
    for key, want in row.items():
        if key in ("seed", "kind", "note"):
            continue
        got = claim.get(key)
        if key == "date" and kind == "date":
            ok = (empty(want) and empty(got)) or (not empty(want) and norm(str(got)) == norm(want))
        elif key in ("value", "low", "high"):
            ok = same_number(want, got)
        elif empty(want):
            ok = empty(got) or (key == "hedged" and got is False)
        elif key == "qualifier":
            ok = not empty(got) and qualifier_group(want) == qualifier_group(got)
        elif key in ("text", "speaker", "person", "place"):
            ok = overlaps(want, got)
        elif key == "title":
            ok = norm(want) in norm(got)
        elif key == "participants":
            ok = participants_match(want, got or [])
        elif key == "hedged":
            ok = bool(got) == bool(want)
        else:
            ok = norm(str(want)) == norm(str(got))
        if not ok:
            return key
    return None


def participants_match(want, got):
    if not isinstance(got, list) or len(want) != len(got):
        return False
    free = list(got)
    for w in sorted(want, key=len, reverse=True):
        hit = next((g for g in free if overlaps(w, g)), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


def claim_kinds(row_kind):
    return ("attribution", "quote") if row_kind == "attribution" else (row_kind,)


def seed_documents(report, seed):
    return [d for d in report.get("documents", []) if os.path.basename(d.get("path", "")).startswith(seed)]


def match_row(row, report):
    """(matched, candidates): candidates are claims of the right kind that fail on one field."""
    candidates = []
    for doc in seed_documents(report, row["seed"]):
        for claim in doc.get("claims", []) or []:
            if claim.get("kind") not in claim_kinds(row["kind"]):
                continue
            if claim.get("layer", "reportage") == "comment":
                continue
            bad = field_mismatch(row, claim)
            if bad is None:
                return True, []
            candidates.append((bad, claim))
    return False, candidates


def describe_claim(claim):
    keys = ["text", "value", "low", "high", "qualifier", "unit", "counted", "action", "hedged", "date",
            "speaker", "person", "title", "participants", "place", "line"]
    return json.dumps({k: claim[k] for k in keys if k in claim}, ensure_ascii=False)


def evaluate(rows, report):
    """Per-kind counts and the list of (row, candidates) that were not found."""
    counts, missing = {}, []
    for row in rows:
        found, candidates = match_row(row, report)
        c = counts.setdefault(row["kind"], [0, 0])
        c[1] += 1
        if found:
            c[0] += 1
        else:
            missing.append((row, candidates))
    return counts, missing


def print_result(counts, missing, out=sys.stdout):
    for kind in sorted(counts, key=lambda k: KINDS.index(k) if k in KINDS else 99):
        f, t = counts[kind]
        print(f"{kind}: {f}/{t}", file=out)
    total = sum(t for _, t in counts.values())
    print(f"seed claims: {total - len(missing)}/{total} found", file=out)
    for row, candidates in missing:
        print("missing: " + json.dumps(row, ensure_ascii=False), file=out)
        # the closest claims: same kind, overlapping text, failing on one field
        key = row.get("text") or row.get("speaker") or row.get("person") or ""
        close = [(bad, c) for bad, c in candidates
                 if not key or overlaps(key, c.get("text") or c.get("speaker") or c.get("person") or "")]
        for bad, c in close[:3]:
            print(f"  closest claim (differs in '{bad}'): {describe_claim(c)}", file=out)


def run(binary, seeds_dir, table_path, report_only=False, out=sys.stdout):
    try:
        with open(table_path, encoding="utf-8") as f:
            rows = json.load(f)["rows"]
    except (OSError, ValueError, KeyError) as e:
        print(f"check-seed-claims: cannot read table {table_path}: {e}", file=out)
        return 1
    try:
        p = subprocess.run([binary, "claims", seeds_dir, "--format", "json"],
                           capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as e:
        print(f"check-seed-claims: cannot run {binary}: {e}", file=out)
        return 1
    if p.returncode > 2 or p.returncode < 0:
        print(f"check-seed-claims: claimlint crashed (exit status {p.returncode})", file=out)
        print(p.stderr[-2000:], file=out)
        return 1
    try:
        report = json.loads(p.stdout)
    except ValueError as e:
        print(f"check-seed-claims: claimlint printed no JSON (exit status {p.returncode}): {e}", file=out)
        print(p.stderr[-2000:], file=out)
        return 1
    counts, missing = evaluate(rows, report)
    print_result(counts, missing, out)
    if missing and not report_only:
        return 1
    return 0


# ---------------------------------------------------------------------------------------------------
# self-test: the matching rules and the exit statuses, with fake claims and a fake binary

FAKE_REPORT = {
    "schemaVersion": 1,
    "documents": [
        {"path": "/x/000_aaa.txt", "date": "2024-08-17", "segments": [], "claims": [
            {"kind": "quantity", "layer": "reportage", "text": "more than 50,000 people", "line": 3, "column": 1,
             "value": 50000, "low": 50000, "high": None, "qualifier": "more than", "unit": None,
             "counted": "person", "action": "arrest", "hedged": False},
            {"kind": "date", "layer": "reportage", "text": "the 16th", "date": "2024-08-16", "resolved": True},
            {"kind": "quote", "layer": "reportage", "text": "\u201cwe will act\u201d", "speaker": "Wang Yi"},
            {"kind": "title", "layer": "reportage", "text": "Foreign Minister Wang Yi", "person": "Wang Yi",
             "title": "Chinese Foreign Minister"},
            {"kind": "event", "layer": "reportage", "text": "meeting", "participants":
             ["Thailand", "China", "Laos", "Myanmar"], "place": "Chiang Mai, Thailand"},
            {"kind": "quantity", "layer": "comment", "text": "300 people", "value": 300, "counted": "person"},
        ]},
        {"path": "/x/001_bbb.txt", "date": None, "segments": [], "claims": [
            {"kind": "date", "layer": "reportage", "text": "on Friday", "date": None, "resolved": False},
            {"kind": "quantity", "layer": "reportage", "text": "over 10 billion yuan", "value": 1e10, "low": 1e10,
             "high": None, "qualifier": "over", "unit": "CNY", "counted": None, "action": None, "hedged": True},
        ]},
    ],
}

FAKE_ROWS = [
    # expected to be found
    {"seed": "000", "kind": "quantity", "text": "more than 50,000", "value": 50000, "low": 50000, "high": None,
     "qualifier": "more than", "counted": "person", "action": "arrest"},
    {"seed": "000", "kind": "date", "text": "On the 16th", "date": "2024-08-16"},
    {"seed": "000", "kind": "attribution", "speaker": "Wang Yi"},
    {"seed": "000", "kind": "title", "person": "Wang Yi", "title": "foreign minister"},
    {"seed": "000", "kind": "event", "participants": ["China", "Laos", "Myanmar", "Thailand"], "place": "Chiang Mai"},
    {"seed": "001", "kind": "date", "text": "on Friday", "date": None},
    {"seed": "001", "kind": "quantity", "text": "over 10 billion yuan", "value": 10000000000, "qualifier": "more than",
     "unit": "CNY", "counted": None, "hedged": True},
    # expected to be missing
    {"seed": "000", "kind": "quantity", "text": "more than 50,000", "value": 50000, "action": "repatriate"},
    {"seed": "000", "kind": "date", "text": "On the 16th", "date": "2024-08-15"},
    {"seed": "000", "kind": "title", "person": "Wang Yi", "title": "spokesman"},
    {"seed": "000", "kind": "event", "participants": ["China", "Laos", "Myanmar"]},
    {"seed": "000", "kind": "quantity", "text": "300 people", "value": 300},
    {"seed": "001", "kind": "date", "text": "on Friday", "date": "2024-08-16"},
    {"seed": "001", "kind": "quantity", "text": "over 10 billion yuan", "unit": "USD"},
    {"seed": "002", "kind": "attribution", "speaker": "Wang Yi"},
]
FAKE_FOUND = 7


def write_fake_binary(folder, name, body):
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("#!/usr/bin/env python3\nimport sys\n" + body + "\n")
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def self_test():
    failures = []

    def expect(cond, what):
        if not cond:
            failures.append(what)

    counts, missing = evaluate(FAKE_ROWS, FAKE_REPORT)
    found = sum(f for f, _ in counts.values())
    expect(found == FAKE_FOUND, f"found {found} rows, expected {FAKE_FOUND}")
    missing_rows = [r for r, _ in missing]
    expect(missing_rows == FAKE_ROWS[FAKE_FOUND:], "the missing rows are not the expected ones: "
           + json.dumps(missing_rows))
    expect(counts.get("quantity") == [2, 5], f"quantity counts {counts.get('quantity')}")
    expect(qualifier_group("Over") == qualifier_group("more than"), "over and more than differ")
    expect(qualifier_group("about") != qualifier_group("more than"), "about and more than agree")
    expect(participants_match(["China", "Laos"], ["laos", "China "]), "participants as sets")
    expect(not participants_match(["China", "China"], ["China", "Laos"]), "participants need distinct matches")

    with tempfile.TemporaryDirectory() as tmp:
        table = os.path.join(tmp, "table.json")
        with open(table, "w", encoding="utf-8") as f:
            json.dump({"rows": FAKE_ROWS[:FAKE_FOUND]}, f)
        bad_table = os.path.join(tmp, "bad-table.json")
        with open(bad_table, "w", encoding="utf-8") as f:
            json.dump({"rows": FAKE_ROWS}, f)
        report_file = os.path.join(tmp, "report.json")
        with open(report_file, "w", encoding="utf-8") as f:
            json.dump(FAKE_REPORT, f)
        good = write_fake_binary(tmp, "good", f"assert sys.argv[1:] == ['claims', 'SEEDS', '--format', 'json']\n"
                                 f"sys.stdout.write(open({report_file!r}).read())")
        crash = write_fake_binary(tmp, "crash", "sys.stdout.write('{}')\nsys.exit(3)")
        usage = write_fake_binary(tmp, "usage", "sys.stderr.write('claimlint: error: bad input')\nsys.exit(2)")
        devnull = open(os.devnull, "w")
        expect(run(good, "SEEDS", table, out=devnull) == 0, "all rows found should exit 0")
        expect(run(good, "SEEDS", bad_table, out=devnull) == 1, "missing rows should exit 1")
        expect(run(good, "SEEDS", bad_table, report_only=True, out=devnull) == 0, "--report-only should exit 0")
        expect(run(crash, "SEEDS", table, report_only=True, out=devnull) == 1, "a crash should exit 1")
        expect(run(usage, "SEEDS", table, report_only=True, out=devnull) == 1, "no JSON should exit 1")
        expect(run(os.path.join(tmp, "absent"), "SEEDS", table, out=devnull) == 1, "a missing binary should exit 1")
        devnull.close()

    for f in failures:
        print("self-test failed: " + f)
    print("check-seed-claims self-test: " + ("ok" if not failures else f"{len(failures)} failures"))
    return 1 if failures else 0


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    flags = {a for a in argv if a.startswith("--")}
    unknown = flags - {"--report-only", "--self-test"}
    if "--self-test" in flags:
        return self_test()
    if unknown or len(args) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        print(__doc__.strip().splitlines()[3], file=sys.stderr)
        return 2
    return run(args[0], args[1], args[2], report_only="--report-only" in flags)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
