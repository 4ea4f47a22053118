#!/usr/bin/env python3
"""Per-rule precision and recall of claimlint over labelled clusters (the format of shared/tools/score-clusters).

usage: score-per-rule.py CLAIMLINT_BIN CLUSTERS_DIR [CLUSTERS_DIR...]

Matching follows score-clusters: a discrepancy is found when one warning/error finding of the mapped rule
touches both labelled files with spans overlapping both phrases. Findings that match no discrepancy (and no
`other_discrepancies` entry) count against the precision of their rule. Always exits 0 unless claimlint
crashes: it is a measurement; score-clusters is the gate.
"""
import json, os, re, subprocess, sys, tempfile

RULES = {
    "quantity-value": "quantity-mismatch", "quantity-predicate": "quantity-action-mismatch", "date": "date-mismatch",
    "attribution": "attribution-mismatch", "title": "title-mismatch", "participants": "participants-mismatch",
    "hedge-dropped": "hedge-dropped", "comment-sourced": "comment-cited-as-reportage",
}

def norm(s):
    return re.sub(r"\s+", " ", (s or "").lower()).strip()

def overlaps(span_text, phrase):
    a, b = norm(span_text), norm(phrase)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    ta = set(re.findall(r"[\w,.$€]+", a)); tb = set(re.findall(r"[\w,.$€]+", b))
    nums = {t for t in tb if re.search(r"\d", t)}
    if nums and nums & ta:
        return True
    return len(ta & tb) >= max(2, len(tb) // 2)

def spans(f):
    yield os.path.basename(f.get("path", "")), f.get("text", "")
    for n in f.get("notes", []) or []:
        yield os.path.basename(n.get("path", "")), n.get("text", "")

def matches(f, item):
    got = list(spans(f))
    side = lambda s: any(p == s["file"] and overlaps(t, s["phrase"]) for p, t in got)
    return side(item["a"]) and side(item["b"])

def main():
    binary = sys.argv[1]
    stats = {}
    crashed = False
    for root in sys.argv[2:]:
        for c in sorted(os.listdir(root)):
            folder = os.path.join(root, c)
            if not os.path.isfile(os.path.join(folder, "expected.json")):
                continue
            exp = json.load(open(os.path.join(folder, "expected.json")))
            files = sorted(x for x in os.listdir(folder)
                           if x != "expected.json" and not x.startswith(".") and not x.endswith((".md", ".py")) or x == exp.get("draft"))
            paths = [os.path.join(folder, x) for x in files]
            if exp.get("draft"):
                d = os.path.join(folder, exp["draft"])
                cmd = [binary, "check", d, "--against"] + [p for p in paths if p != d] + ["--format", "json"]
            else:
                cmd = [binary, "check"] + paths + ["--format", "json"]
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
            if p.returncode > 2:
                print(f"{c}: claimlint crashed ({p.returncode})"); crashed = True; continue
            out = json.loads(p.stdout)
            fs = [f for f in out["findings"] if f["severity"] in ("warning", "error")]
            used = set()
            for d in exp.get("discrepancies", []):
                rule = RULES.get(d["kind"], d["kind"])
                s = stats.setdefault(rule, [0, 0, 0])
                hit = [i for i, f in enumerate(fs) if f["ruleId"] == rule and matches(f, d)]
                if hit:
                    s[0] += 1; used.update(hit)
                else:
                    s[1] += 1; print(f"  missed  {c}: {rule} {d['a']['phrase']!r} ~ {d['b']['phrase']!r}")
            for i, f in enumerate(fs):
                if i in used or any(matches(f, o) for o in exp.get("other_discrepancies", []) if "a" in o and "b" in o):
                    continue
                if any(f["ruleId"] == RULES.get(d["kind"], d["kind"]) and (matches(f, {"a": d["a"], "b": d["a"]}) or matches(f, {"a": d["b"], "b": d["b"]})) for d in exp.get("discrepancies", [])):
                    continue
                stats.setdefault(f["ruleId"], [0, 0, 0])[2] += 1
                print(f"  false alarm  {c}: {f['ruleId']} {f['path'].split('/')[-1]}:{f['line']} {f['message'][:90]}")
    print(f"{'rule':30} {'precision':>9} {'recall':>7}  found/expected  false alarms")
    for rule in sorted(stats):
        tp, fn, fa = stats[rule]
        prec = tp / (tp + fa) if tp + fa else float("nan")
        rec = tp / (tp + fn) if tp + fn else float("nan")
        print(f"{rule:30} {prec:9.2f} {rec:7.2f}  {tp:5}/{tp+fn:<8} {fa}")
    sys.exit(1 if crashed else 0)

main()
