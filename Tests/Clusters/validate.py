#!/usr/bin/env python3
"""Check the labelled clusters: files exist, phrases occur in them, kinds are known, three or more articles."""
import json, os, re, sys
KINDS = {"quantity-value", "quantity-predicate", "date", "attribution", "title", "participants",
         "hedge-dropped", "comment-sourced", "internal-quantity-conflict"}
root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
problems, stats, n = [], {}, 0
def norm(s): return re.sub(r"\s+", " ", s.lower()).strip()
for c in sorted(os.listdir(root)):
    folder = os.path.join(root, c)
    ep = os.path.join(folder, "expected.json")
    if not os.path.isfile(ep):
        continue
    n += 1
    try:
        exp = json.load(open(ep, encoding="utf-8"))
    except ValueError as e:
        problems.append(f"{c}: expected.json is not JSON ({e})"); continue
    draft = exp.get("draft")
    arts = [x for x in os.listdir(folder) if x != "expected.json" and not x.startswith(".") and (not x.endswith(".md") or x == draft)]
    if len(arts) < 3:
        problems.append(f"{c}: only {len(arts)} articles")
    if draft and draft not in arts:
        problems.append(f"{c}: draft {draft} missing")
    for key in ("discrepancies", "consistent", "other_discrepancies"):
        for i, d in enumerate(exp.get(key, [])):
            kind = d.get("kind")
            if key == "discrepancies":
                if kind not in KINDS:
                    problems.append(f"{c}: {key}[{i}] unknown kind {kind!r}")
                stats[kind] = stats.get(kind, 0) + 1
            elif kind is not None and kind not in KINDS:
                problems.append(f"{c}: {key}[{i}] unknown kind {kind!r}")
            for side in ("a", "b"):
                s = d.get(side) or {}
                f, ph = s.get("file"), s.get("phrase")
                if f not in arts:
                    problems.append(f"{c}: {key}[{i}].{side} file {f!r} is not an article of the cluster"); continue
                text = norm(open(os.path.join(folder, f), encoding="utf-8").read())
                if not ph or norm(ph) not in text:
                    problems.append(f"{c}: {key}[{i}].{side} phrase {ph!r} not in {f}")
            same = d.get("a", {}).get("file") == d.get("b", {}).get("file")
            if kind == "internal-quantity-conflict" and not same:
                problems.append(f"{c}: {key}[{i}] internal conflict across two files")
            if key == "discrepancies" and kind != "internal-quantity-conflict" and same:
                problems.append(f"{c}: {key}[{i}] both sides in one file")
            if draft and key == "discrepancies" and draft not in (d["a"]["file"], d["b"]["file"]) and kind != "internal-quantity-conflict":
                problems.append(f"{c}: {key}[{i}] does not involve the draft")
print(f"{n} clusters; discrepancies by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(stats.items())))
for p in problems:
    print("problem: " + p)
sys.exit(1 if problems else 0)
