#!/usr/bin/env python3
"""Check how claimlint splits the seed articles into segments.

usage: check-seed-segments.py CLAIMLINT_BIN SEEDS_DIR
       check-seed-segments.py --self-test

Runs `CLAIMLINT_BIN segments SEEDS_DIR --format json` and checks what a reader of the seed pages sees:
  - 004: the "N Comments" line starts the comments section: a comments-header segment covers it, exactly N
    comment segments follow it, their authors are the N names on the author lines, and no comment segment
    lies above it;
  - 000: the first line and the language-menu line are not reportage;
  - 001: the closing credit lines (the last three lines) are byline;
  - 002: the "Related News" line is not reportage (expected: related);
  - 002 and 004: their subheadings are subheading segments.
Lines are found by searching the seed text at run time. Exit 0 when every check passes, 1 otherwise (also
when the binary crashes or prints no JSON).
"""
import json
import os
import re
import stat
import subprocess
import sys
import tempfile

SUBHEADINGS = {
    "002": ["The Heart of the Matter", "A Strategic Path Forward", "The Ripple Effect", "Conclusion",
            "Key Takeaways:"],
    "004": ["Targeting a Regional Scourge", "Recent Crackdowns and Joint Operations Yield Results",
            "Future Outlook on Cooperation"],
}
COMMENTS_HEADER = re.compile(r"^\s*(\d+)\s+comments?\s*$", re.IGNORECASE)
# a line naming several languages in several scripts (Cyrillic, Hangul, kana, Greek next to Latin)
OTHER_SCRIPTS = re.compile(r"[\u0400-\u04ff\uac00-\ud7af\u3040-\u30ff\u0370-\u03ff]")


def seed_file(seeds_dir, prefix):
    names = sorted(n for n in os.listdir(seeds_dir) if n.startswith(prefix))
    return os.path.join(seeds_dir, names[0]) if names else None


def read_lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read().split("\n")


def find_line(lines, wanted):
    """1-based number of the first line whose stripped text equals `wanted`, or None."""
    for i, line in enumerate(lines, 1):
        if line.strip() == wanted:
            return i
    return None


def covering(segments, line):
    return [s for s in segments if s.get("startLine", 0) <= line <= s.get("endLine", s.get("startLine", 0))]


def describe(segs):
    return ", ".join(f"{s.get('kind')} {s.get('startLine')}-{s.get('endLine')}" for s in segs) or "no segment"


class Checks:
    def __init__(self):
        self.results = []

    def check(self, ok, what, detail=""):
        self.results.append((bool(ok), what, detail))

    def failed(self):
        return [r for r in self.results if not r[0]]


def check_seed_000(c, lines, segs):
    c.check(lines and lines[0].strip(), "000: has a first line")
    first = covering(segs, 1)
    c.check(all(s.get("kind") != "reportage" for s in first), "000: first line is not reportage", describe(first))
    menu = next((i for i, l in enumerate(lines, 1) if len(OTHER_SCRIPTS.findall(l)) >= 5 and "English" in l), None)
    c.check(menu is not None, "000: language-menu line found in the seed text")
    if menu is not None:
        on = covering(segs, menu)
        c.check(all(s.get("kind") != "reportage" for s in on), f"000: language-menu line {menu} is not reportage",
                describe(on))


def check_seed_001(c, lines, segs):
    numbered = [i for i, l in enumerate(lines, 1) if l.strip()]
    credits = numbered[-3:]
    c.check(len(credits) == 3, "001: has three closing lines")
    for n in credits:
        on = covering(segs, n)
        c.check(on and all(s.get("kind") == "byline" for s in on), f"001: closing credit line {n} is byline",
                describe(on))


def check_seed_002(c, lines, segs):
    n = find_line(lines, "Related News")
    c.check(n is not None, "002: 'Related News' line found in the seed text")
    if n is not None:
        on = covering(segs, n)
        c.check(all(s.get("kind") != "reportage" for s in on), f"002: 'Related News' line {n} is not reportage",
                describe(on) + ("" if any(s.get("kind") == "related" for s in on) else " (expected: related)"))


def check_subheadings(c, seed, lines, segs):
    for heading in SUBHEADINGS[seed]:
        n = find_line(lines, heading)
        c.check(n is not None, f"{seed}: subheading '{heading}' found in the seed text")
        if n is None:
            continue
        on = covering(segs, n)
        c.check(on and all(s.get("kind") == "subheading" for s in on),
                f"{seed}: '{heading}' (line {n}) is a subheading segment", describe(on))


def check_seed_004(c, lines, segs):
    header = next(((i, int(m.group(1))) for i, l in enumerate(lines, 1) for m in [COMMENTS_HEADER.match(l)] if m),
                  None)
    c.check(header is not None, "004: comments header line found in the seed text")
    if header is None:
        return
    at, count = header
    body = [l.strip() for l in lines[at:] if l.strip()]
    authors = body[0::2]
    c.check(len(authors) == count and len(body) == 2 * count,
            f"004: the seed has {count} author lines, each followed by a comment", f"{len(authors)} author lines")
    on = covering(segs, at)
    c.check(any(s.get("kind") == "comments-header" for s in on),
            f"004: a comments-header segment covers line {at}", describe(on))
    comments = [s for s in segs if s.get("kind") == "comment"]
    above = [s for s in comments if s.get("startLine", 0) <= at]
    below = [s for s in comments if s.get("startLine", 0) > at]
    c.check(not above, f"004: no comment segment above line {at}", describe(above))
    c.check(len(below) == count, f"004: exactly {count} comment segments after line {at}",
            f"{len(below)} found")
    got = [s.get("author") for s in below]
    c.check(len(set(got)) == len(got) == count, f"004: {count} distinct comment authors", f"authors: {got}")
    c.check(sorted(a or "" for a in got) == sorted(authors), "004: comment authors are the names on the author lines",
            f"expected {sorted(authors)}, got {sorted(a or '' for a in got)}")


def evaluate(seeds_dir, report):
    c = Checks()
    docs = report.get("documents", [])
    for seed, fn in [("000", check_seed_000), ("001", check_seed_001), ("002", check_seed_002),
                     ("004", check_seed_004)]:
        path = seed_file(seeds_dir, seed)
        c.check(path is not None, f"{seed}: seed file present in {seeds_dir}")
        if path is None:
            continue
        doc = next((d for d in docs if os.path.basename(d.get("path", "")) == os.path.basename(path)), None)
        c.check(doc is not None, f"{seed}: claimlint reported segments for {os.path.basename(path)}")
        if doc is None:
            continue
        lines, segs = read_lines(path), doc.get("segments", []) or []
        fn(c, lines, segs)
        if seed in SUBHEADINGS:
            check_subheadings(c, seed, lines, segs)
    return c


def run(binary, seeds_dir, out=sys.stdout):
    try:
        p = subprocess.run([binary, "segments", seeds_dir, "--format", "json"],
                           capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as e:
        print(f"check-seed-segments: cannot run {binary}: {e}", file=out)
        return 1
    if p.returncode > 2 or p.returncode < 0:
        print(f"check-seed-segments: claimlint crashed (exit status {p.returncode})", file=out)
        print(p.stderr[-2000:], file=out)
        return 1
    try:
        report = json.loads(p.stdout)
    except ValueError as e:
        print(f"check-seed-segments: claimlint printed no JSON (exit status {p.returncode}): {e}", file=out)
        return 1
    c = evaluate(seeds_dir, report)
    for ok, what, detail in c.results:
        if not ok:
            print(f"FAILED: {what}" + (f" ({detail})" if detail else ""), file=out)
    print(f"seed segments: {len(c.results) - len(c.failed())}/{len(c.results)} checks passed", file=out)
    return 1 if c.failed() else 0


# ---------------------------------------------------------------------------------------------------
# self-test: fake seed pages written for this test (same layout as the seeds, none of their text)

FAKE_SEEDS = {
    "000_fake.txt": "news\n\nMinisters meet on border crime\n\n2024-08-17\n\n"
                    "中文Русский языкEnglish日本語Ελληνικά한국어\n\nCHIANG MAI, Aug 16 -- Ministers met today.\n",
    "001_fake.txt": "Two governments held talks on scam centres, a statement said.\nThe talks ended on Friday.\n"
                    "Jane Roe\nThe Daily\nNews Network",
    "002_fake.txt": "A Headline\n\n\nIntro paragraph here.\nKey Takeaways:\n- point one\nThe Heart of the Matter\n"
                    "Body one.\nA Strategic Path Forward\nBody two.\nThe Ripple Effect\nBody three.\nConclusion\n"
                    "Body four.\nRelated News\n",
    "004_fake.txt": "Headline\nLead paragraph.\nTargeting a Regional Scourge\nBody.\n"
                    "Recent Crackdowns and Joint Operations Yield Results\nBody.\nFuture Outlook on Cooperation\n"
                    "Body.\n3 Comments\nAnn\nFirst comment.\nbob_k\nSecond comment.\nC. Dee\nThird comment.",
}


def seg(kind, a, b=None, author=None):
    s = {"kind": kind, "startLine": a, "endLine": b or a}
    if author:
        s["author"] = author
    return s


GOOD_SEGMENTS = {
    "000_fake.txt": [seg("boilerplate", 1), seg("headline", 3), seg("dateline", 5), seg("boilerplate", 7),
                     seg("reportage", 9)],
    "001_fake.txt": [seg("reportage", 1, 2), seg("byline", 3, 5)],
    "002_fake.txt": [seg("headline", 1), seg("reportage", 4), seg("subheading", 5), seg("list", 6),
                     seg("subheading", 7), seg("reportage", 8), seg("subheading", 9), seg("reportage", 10),
                     seg("subheading", 11), seg("reportage", 12), seg("subheading", 13), seg("reportage", 14),
                     seg("related", 15)],
    "004_fake.txt": [seg("headline", 1), seg("reportage", 2), seg("subheading", 3), seg("reportage", 4),
                     seg("subheading", 5), seg("reportage", 6), seg("subheading", 7), seg("reportage", 8),
                     seg("comments-header", 9), seg("comment", 10, 11, "Ann"), seg("comment", 12, 13, "bob_k"),
                     seg("comment", 14, 15, "C. Dee")],
}


def write_fake_binary(folder, name, body):
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("#!/usr/bin/env python3\nimport sys\n" + body + "\n")
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def fake_report(seeds_dir, segments):
    return {"documents": [{"path": os.path.join(seeds_dir, n), "segments": s} for n, s in sorted(segments.items())]}


def self_test():
    failures = []

    def expect(cond, what):
        if not cond:
            failures.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        seeds = os.path.join(tmp, "seeds")
        os.mkdir(seeds)
        for name, text in FAKE_SEEDS.items():
            with open(os.path.join(seeds, name), "w", encoding="utf-8") as f:
                f.write(text)

        good = evaluate(seeds, fake_report(seeds, GOOD_SEGMENTS))
        expect(not good.failed(), "the good segmentation fails: " + repr(good.failed()))
        expect(len(good.results) >= 25, f"only {len(good.results)} checks ran")

        def broken(change):
            segments = json.loads(json.dumps(GOOD_SEGMENTS))
            change(segments)
            return [what for ok, what, _ in evaluate(seeds, fake_report(seeds, segments)).results if not ok]

        def set_kind(name, index, kind):
            return lambda s: s[name][index].update(kind=kind)

        expect(any("language-menu" in w for w in broken(set_kind("000_fake.txt", 3, "reportage"))),
               "menu as reportage not caught")
        expect(any("first line" in w for w in broken(set_kind("000_fake.txt", 0, "reportage"))),
               "first line as reportage not caught")
        expect(any("credit line" in w for w in broken(set_kind("001_fake.txt", 1, "reportage"))),
               "credits as reportage not caught")
        expect(any("Related News" in w for w in broken(set_kind("002_fake.txt", 12, "reportage"))),
               "related line as reportage not caught")
        expect(any("Conclusion" in w for w in broken(set_kind("002_fake.txt", 10, "reportage"))),
               "missing subheading not caught")
        expect(any("comments-header" in w for w in broken(set_kind("004_fake.txt", 8, "reportage"))),
               "missing comments header not caught")
        expect(any("above" in w for w in broken(set_kind("004_fake.txt", 7, "comment"))),
               "comment above the header not caught")
        expect(any("exactly 3" in w for w in broken(lambda s: s["004_fake.txt"].pop())),
               "missing comment not caught")
        expect(any("distinct" in w for w in broken(lambda s: s["004_fake.txt"][10].update(author="Ann"))),
               "duplicate author not caught")
        expect(any("names on the author lines" in w for w in
                   broken(lambda s: s["004_fake.txt"][11].update(author="Dee"))),
               "wrong author not caught")
        expect(any("reported segments" in w for w in broken(lambda s: s.pop("001_fake.txt"))),
               "missing document not caught")

        report_file = os.path.join(tmp, "report.json")
        with open(report_file, "w", encoding="utf-8") as f:
            json.dump(fake_report(seeds, GOOD_SEGMENTS), f)
        ok_bin = write_fake_binary(tmp, "good", f"assert sys.argv[1] == 'segments'\n"
                                   f"sys.stdout.write(open({report_file!r}).read())")
        crash = write_fake_binary(tmp, "crash", "sys.exit(134)")
        nojson = write_fake_binary(tmp, "nojson", "print('segments: done')")
        devnull = open(os.devnull, "w")
        expect(run(ok_bin, seeds, out=devnull) == 0, "good binary should exit 0")
        expect(run(crash, seeds, out=devnull) == 1, "crash should exit 1")
        expect(run(nojson, seeds, out=devnull) == 1, "no JSON should exit 1")
        devnull.close()

    for f in failures:
        print("self-test failed: " + f)
    print("check-seed-segments self-test: " + ("ok" if not failures else f"{len(failures)} failures"))
    return 1 if failures else 0


def main(argv):
    if argv == ["--self-test"]:
        return self_test()
    if len(argv) != 2 or any(a.startswith("--") for a in argv):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        print(__doc__.strip().splitlines()[3], file=sys.stderr)
        return 2
    return run(argv[0], argv[1])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
