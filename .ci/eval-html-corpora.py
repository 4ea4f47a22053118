#!/usr/bin/env python3
"""Measure how claimlint separates article text, comments and boilerplate on two HTML corpora.

usage: eval-html-corpora.py CLAIMLINT_BIN SHARED_DIR

Runs `CLAIMLINT_BIN segments FILE... --format json --include-text` over
  - SHARED_DIR/corpora/trafilatura-eval-comments: share of `with` snippets found in the main text,
    share of `without` snippets not in it, share of `comments` snippets found in comment segments,
    and share of pages with at least two annotated comments whose comments carry at least two
    different authors; over all pages and over the English subset (lang_guess.tsv);
  - SHARED_DIR/corpora/scrapinghub-article-extraction: bag-of-tokens precision, recall and F1 of the
    main text against `articleBody` (whitespace tokens, averaged over pages).

Main text is the text of segments of kind reportage, list, headline and subheading. This is a
measurement, not a gate: it exits 0 unless the binary crashes (exit code above 2) on some page or
a corpus is missing.
"""

import collections
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

BATCH = 50
MAIN_KINDS = {"reportage", "list", "headline", "subheading"}
WS = re.compile(r"\s+")


def fold(text):
    return WS.sub(" ", text or "").strip()


def unpack(pages, directory):
    """Gunzips each (key, gz_path) into directory as <n>.html; returns {key: html_path}."""
    paths = {}
    for n, (key, gz_path) in enumerate(pages):
        target = os.path.join(directory, "p%04d.html" % n)
        with gzip.open(gz_path, "rb") as src, open(target, "wb") as dst:
            dst.write(src.read())
        paths[key] = target
    return paths


def run_batch(binary, files):
    """Runs the binary on files; returns ({basename: [segment]}, crashed_files)."""
    proc = subprocess.run(
        [binary, "segments", *files, "--format", "json", "--include-text"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode > 2 or proc.returncode < 0:
        if len(files) == 1:
            return {}, list(files)
        results, crashed = {}, []
        for f in files:
            r, c = run_batch(binary, [f])
            results.update(r)
            crashed.extend(c)
        return results, crashed
    try:
        data = json.loads(proc.stdout.decode("utf-8", "replace"))
    except ValueError:
        if len(files) == 1:
            sys.stderr.write("eval: unreadable output for %s\n" % files[0])
            return {}, []
        results = {}
        for f in files:
            r, _ = run_batch(binary, [f])
            results.update(r)
        return results, []
    results = {}
    for doc in data.get("documents", []):
        results[os.path.basename(doc.get("path", ""))] = doc.get("segments", [])
    return results, []


def run_all(binary, paths):
    files = sorted(paths.values())
    results, crashed = {}, []
    for i in range(0, len(files), BATCH):
        r, c = run_batch(binary, files[i:i + BATCH])
        results.update(r)
        crashed.extend(c)
    names = {p: key for key, p in paths.items()}
    return {key: results.get(os.path.basename(p)) for key, p in paths.items()}, [names.get(p, p) for p in crashed]


def text_of(segments, kinds):
    """The folded text of the segments of the given kinds (all segments when kinds is None)."""
    return fold(" ".join(s.get("text", "") for s in segments or [] if kinds is None or s.get("kind") in kinds))


def share(hits, total):
    return "%5.1f%% (%d/%d)" % (100.0 * hits / total if total else 0.0, hits, total)


def eval_trafilatura(binary, root, tmp):
    annotations = json.load(open(os.path.join(root, "annotations.json"), encoding="utf-8"))
    english = set()
    lang_path = os.path.join(root, "lang_guess.tsv")
    if os.path.exists(lang_path):
        for line in open(lang_path, encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[0] != "file" and cols[2] == "en":
                english.add(cols[0])
    pages = sorted((key, os.path.join(root, entry["file"])) for key, entry in annotations.items())
    paths = unpack(pages, tmp)
    outputs, crashed = run_all(binary, paths)
    rows = {"all": collections.Counter(), "english": collections.Counter()}
    for key, entry in sorted(annotations.items()):
        segments = outputs.get(key)
        main = text_of(segments, MAIN_KINDS)
        comments = text_of(segments, {"comment"})
        groups = ["all"] + (["english"] if entry["file"] in english else [])
        c = collections.Counter()
        c["pages"] += 1
        c["failed"] += segments is None
        for s in entry.get("with", []):
            c["with"] += 1
            c["with_hit"] += fold(s) in main
        for s in entry.get("without", []):
            c["without"] += 1
            c["without_ok"] += fold(s) not in main
        everything = text_of(segments, None)
        for s in entry.get("comments", []):
            c["comments"] += 1
            c["comments_hit"] += fold(s) in comments
            # Many annotated comments were loaded by script and are not in the stored HTML at all.
            c["comments_present"] += fold(s) in everything
        if len(entry.get("comments", [])) >= 2:
            c["multi"] += 1
            authors = {s.get("author") for s in segments or [] if s.get("kind") == "comment" and s.get("author")}
            c["multi_split"] += len(authors) >= 2
        for g in groups:
            rows[g].update(c)
    print("trafilatura-eval-comments (main text = reportage, list, headline, subheading)")
    for g in ("all", "english"):
        c = rows[g]
        print("  %-8s pages %d (no output: %d)" % (g, c["pages"], c["failed"]))
        print("    with in main text        %s" % share(c["with_hit"], c["with"]))
        print("    without not in main text %s" % share(c["without_ok"], c["without"]))
        print("    comments in comments     %s; of those in the page text at all: %s"
              % (share(c["comments_hit"], c["comments"]), share(c["comments_hit"], c["comments_present"])))
        print("    per-author splits        %s of pages with >=2 annotated comments" % share(c["multi_split"], c["multi"]))
    return crashed


def eval_scrapinghub(binary, root, tmp):
    truth = json.load(open(os.path.join(root, "ground-truth.json"), encoding="utf-8"))
    pages = sorted((key, os.path.join(root, "html", key + ".html.gz")) for key in truth)
    pages = [(k, p) for k, p in pages if os.path.exists(p)]
    paths = unpack(pages, tmp)
    outputs, crashed = run_all(binary, paths)
    precisions, recalls, f1s = [], [], []
    for key, _ in pages:
        expected = collections.Counter((truth[key].get("articleBody") or "").split())
        got = collections.Counter(text_of(outputs.get(key), MAIN_KINDS).split())
        tp = sum((expected & got).values())
        p = tp / sum(got.values()) if got else 0.0
        r = tp / sum(expected.values()) if expected else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        precisions.append(p)
        recalls.append(r)
        f1s.append(f)
    n = len(pages) or 1
    print("scrapinghub-article-extraction (bag of whitespace tokens, averaged over %d pages)" % len(pages))
    print("  precision %.3f  recall %.3f  F1 %.3f" % (sum(precisions) / n, sum(recalls) / n, sum(f1s) / n))
    return crashed


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: eval-html-corpora.py CLAIMLINT_BIN SHARED_DIR\n")
        return 2
    binary, shared = os.path.abspath(argv[1]), argv[2]
    crashed = []
    for name, fn in (("trafilatura-eval-comments", eval_trafilatura),
                     ("scrapinghub-article-extraction", eval_scrapinghub)):
        root = os.path.join(shared, "corpora", name)
        if not os.path.isdir(root):
            sys.stderr.write("eval: corpus missing: %s\n" % root)
            return 2
        with tempfile.TemporaryDirectory(prefix="claimlint-eval-") as tmp:
            crashed += fn(binary, root, tmp)
    if crashed:
        sys.stderr.write("eval: the binary crashed on %d page(s): %s\n" % (len(crashed), ", ".join(crashed[:10])))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
