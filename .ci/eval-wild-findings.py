#!/usr/bin/env python3
"""Count the findings claimlint raises on real article pages checked one at a time.

usage: eval-wild-findings.py CLAIMLINT_BIN SHARED_DIR

The ScrapingHub pages (SHARED_DIR/corpora/scrapinghub-article-extraction/html) are published articles
on unrelated subjects. Checked alone, an article can only disagree with itself (internal figures,
weekdays, headline against story), and a published article rarely does: almost every finding here
is a false alarm an editor would have to dismiss.

It then checks the pages together, in batches of about 60 ScrapingHub pages and one batch of the
English trafilatura pages (SHARED_DIR/corpora/trafilatura-eval-comments, `lang_guess.tsv`), and counts
the findings that join two different pages. The pages are unrelated (about 126 sites, one article each),
so a cross-page finding is almost always a false alarm; `--list` prints every one of them for review.

This is a measurement, not a gate; it prints the count per rule and a few examples, and fails only if
the binary crashes (exit code above 2).
"""

import collections
import gzip
import json
import os
import subprocess
import sys
import tempfile


def run_json(binary, paths):
    run = subprocess.run([binary, "check"] + paths + ["--format", "json"], capture_output=True, text=True)
    if run.returncode > 2:
        sys.exit(f"error: claimlint exited {run.returncode} on {paths[:3]}...\n{run.stderr[-2000:]}")
    return json.loads(run.stdout)["findings"]


def cross_page(binary, shared, tmp, sh_paths, list_all):
    """Checks batches of unrelated pages together and counts the findings that join two pages."""
    tf_dir = os.path.join(shared, "corpora", "trafilatura-eval-comments")
    tf_paths = []
    guess = os.path.join(tf_dir, "lang_guess.tsv")
    if os.path.isfile(guess):
        for line in open(guess, encoding="utf-8").read().splitlines()[1:]:
            cols = line.split("\t")
            if len(cols) >= 3 and cols[2] == "en":
                name = os.path.basename(cols[0])
                path = os.path.join(tmp, "tf-" + name[: -len(".gz")])
                with gzip.open(os.path.join(tf_dir, cols[0]), "rb") as src, open(path, "wb") as dst:
                    dst.write(src.read())
                tf_paths.append(path)
    size = 60
    count = max(1, round(len(sh_paths) / size))
    batches = [sh_paths[k::count] for k in range(count)] + ([sorted(tf_paths)] if tf_paths else [])
    per_rule = collections.Counter()
    lines = []
    for batch in batches:
        for f in run_json(binary, batch):
            files = {f["path"]} | {n["path"] for n in f.get("notes", []) or []}
            if len(files) < 2:
                continue
            per_rule[f["ruleId"]] += 1
            notes = "; ".join(f"{os.path.basename(n['path'])[:12]} {n['text']!r}" for n in f.get("notes", []) or [])
            lines.append(f"{f['ruleId']}: {os.path.basename(f['path'])[:12]} {f['text']!r} ~ {notes} | {f['message'][:100]}")
    total = sum(per_rule.values())
    print(f"{total} cross-page findings in {len(batches)} batches of unrelated pages checked together (ideally near 0)")
    for rule, n in sorted(per_rule.items(), key=lambda x: (-x[1], x[0])):
        print(f"  {rule:28} {n:4} findings")
    for line in lines if list_all else lines[:5]:
        print(f"      {line}")


def main():
    args = [a for a in sys.argv[1:] if a != "--list"]
    list_all = "--list" in sys.argv[1:]
    binary, shared = args[0], args[1]
    html_dir = os.path.join(shared, "corpora", "scrapinghub-article-extraction", "html")
    if not os.path.isdir(html_dir):
        sys.exit(f"error: {html_dir} is missing")
    pages = sorted(f for f in os.listdir(html_dir) if f.endswith(".html.gz"))
    per_rule = collections.Counter()
    pages_with = collections.Counter()
    examples = collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        sh_paths = []
        for name in pages:
            path = os.path.join(tmp, name[: -len(".gz")])
            with gzip.open(os.path.join(html_dir, name), "rb") as src, open(path, "wb") as dst:
                dst.write(src.read())
            sh_paths.append(path)
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
        singles = (per_rule, pages_with, examples, len(pages))
        report_singles(*singles)
        cross_page(binary, shared, tmp, sh_paths, list_all)


def report_singles(per_rule, pages_with, examples, page_count):
    total = sum(per_rule.values())
    print(f"{total} findings on {page_count} real article pages checked one at a time (ideally near 0)")
    for rule, n in sorted(per_rule.items(), key=lambda x: (-x[1], x[0])):
        print(f"  {rule:28} {n:4} findings on {pages_with[rule]:3} pages")
        for e in examples[rule]:
            print(f"      e.g. {e}")


if __name__ == "__main__":
    main()
