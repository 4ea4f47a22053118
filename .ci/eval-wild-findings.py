#!/usr/bin/env python3
"""Count the findings claimlint raises on real article pages checked one at a time.

usage: eval-wild-findings.py CLAIMLINT_BIN SHARED_DIR

The ScrapingHub pages (SHARED_DIR/corpora/scrapinghub-article-extraction/html) are published articles
on unrelated subjects. Checked alone, an article can only disagree with itself (internal figures,
weekdays, headline against story), and a published article rarely does: almost every finding here
is a false alarm an editor would have to dismiss. This is a measurement, not a gate; it prints the
count per rule and a few examples, and fails only if the binary crashes (exit code above 2).
"""

import collections
import gzip
import json
import os
import subprocess
import sys
import tempfile


def main():
    binary, shared = sys.argv[1], sys.argv[2]
    html_dir = os.path.join(shared, "corpora", "scrapinghub-article-extraction", "html")
    if not os.path.isdir(html_dir):
        sys.exit(f"error: {html_dir} is missing")
    pages = sorted(f for f in os.listdir(html_dir) if f.endswith(".html.gz"))
    per_rule = collections.Counter()
    pages_with = collections.Counter()
    examples = collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for name in pages:
            path = os.path.join(tmp, name[: -len(".gz")])
            with gzip.open(os.path.join(html_dir, name), "rb") as src, open(path, "wb") as dst:
                dst.write(src.read())
            run = subprocess.run([binary, "check", path, "--format", "json"], capture_output=True, text=True)
            if run.returncode > 2:
                sys.exit(f"error: claimlint exited {run.returncode} on {name}\n{run.stderr[-2000:]}")
            findings = json.loads(run.stdout)["findings"]
            seen = set()
            for f in findings:
                per_rule[f["ruleId"]] += 1
                seen.add(f["ruleId"])
                if len(examples[f["ruleId"]]) < 3:
                    examples[f["ruleId"]].append(f"{name[:12]}: {f['message'][:110]}")
            for r in seen:
                pages_with[r] += 1
    total = sum(per_rule.values())
    print(f"{total} findings on {len(pages)} real article pages checked one at a time (ideally near 0)")
    for rule, n in sorted(per_rule.items(), key=lambda x: (-x[1], x[0])):
        print(f"  {rule:28} {n:4} findings on {pages_with[rule]:3} pages")
        for e in examples[rule]:
            print(f"      e.g. {e}")


if __name__ == "__main__":
    main()
