#!/usr/bin/env python3
"""Checks the cross-article merge gold files (docs/eval/merge-gold.md).

Usage: python3 tools/check_merge_gold.py [FILE...]
Without arguments it checks eval/merge.dev.jsonl and eval/merge.test.jsonl.
Prints the pairs per kind for each file, then every problem found; exits 1 on a problem.
Standard library only.
"""
import datetime
import json
import os
import re
import sys
from collections import Counter

SAME_KINDS = ["paraphrase", "conflicting_figures", "different_naming",
              "different_date_expression", "syndicated", "partial"]
DIFFERENT_KINDS = ["same_actors_other_day", "same_day_other_place", "other_actors",
                   "other_action", "reversed_roles", "unrelated"]
PAIR_FIELDS = {"id", "same", "a", "b", "kind", "note"}
SIDE_FIELDS = {"outlet", "url", "published", "text"}
MIN_YEAR, MAX_YEAR = 2018, 2024


def check_side(where, side, problems):
    if not isinstance(side, dict):
        problems.append("%s: not an object" % where)
        return
    missing = SIDE_FIELDS - side.keys()
    extra = side.keys() - SIDE_FIELDS
    if missing:
        problems.append("%s: missing %s" % (where, ", ".join(sorted(missing))))
    if extra:
        problems.append("%s: unknown field %s" % (where, ", ".join(sorted(extra))))
    for field in SIDE_FIELDS & side.keys():
        if not isinstance(side[field], str) or not side[field].strip():
            problems.append("%s.%s: not a non-empty string" % (where, field))
            return
    if "url" in side and not re.fullmatch(r"https://[a-z0-9.-]+\.example/\S*", side["url"]):
        problems.append("%s.url: not an https URL on an .example domain: %s" % (where, side["url"]))
    if "published" in side:
        try:
            day = datetime.date.fromisoformat(side["published"])
            if not MIN_YEAR <= day.year <= MAX_YEAR:
                problems.append("%s.published: %s is outside %d-%d" % (where, day, MIN_YEAR, MAX_YEAR))
        except ValueError:
            problems.append("%s.published: not YYYY-MM-DD: %s" % (where, side["published"]))
    if "text" in side:
        text = side["text"]
        if text != text.strip() or "\n" in text:
            problems.append("%s.text: leading/trailing space or a line break" % where)
        if not text.endswith("."):
            problems.append("%s.text: not one sentence ending with a full stop" % where)


def check_file(path, problems, seen_texts):
    prefix = os.path.basename(path).split(".")[1] if path.count(".") >= 2 else None
    kinds = Counter()
    ids = set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = "%s:%d" % (path, n)
            if not line.strip():
                problems.append("%s: empty line" % where)
                continue
            try:
                pair = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append("%s: not JSON: %s" % (where, e))
                continue
            if not isinstance(pair, dict):
                problems.append("%s: not an object" % where)
                continue
            missing = PAIR_FIELDS - pair.keys()
            extra = pair.keys() - PAIR_FIELDS
            if missing:
                problems.append("%s: missing %s" % (where, ", ".join(sorted(missing))))
            if extra:
                problems.append("%s: unknown field %s" % (where, ", ".join(sorted(extra))))
            pid = pair.get("id")
            if not isinstance(pid, str) or not re.fullmatch(r"[a-z]+-\d{3}", pid):
                problems.append("%s: id %r is not like dev-001" % (where, pid))
            else:
                where = "%s (%s)" % (where, pid)
                if pid in ids:
                    problems.append("%s: duplicate id" % where)
                ids.add(pid)
                if prefix and not pid.startswith(prefix + "-"):
                    problems.append("%s: id does not start with %s-" % (where, prefix))
            same = pair.get("same")
            if not isinstance(same, bool):
                problems.append("%s: same is not true or false" % where)
            kind = pair.get("kind")
            allowed = SAME_KINDS if same is True else DIFFERENT_KINDS if same is False else []
            if kind not in allowed:
                problems.append("%s: kind %r is not a kind for same=%s" % (where, kind, same))
            else:
                kinds[kind] += 1
            if not isinstance(pair.get("note"), str) or not pair.get("note", "").strip():
                problems.append("%s: note is not a non-empty string" % where)
            for tag in ("a", "b"):
                if tag in pair:
                    check_side("%s %s" % (where, tag), pair[tag], problems)
            a, b = pair.get("a"), pair.get("b")
            if isinstance(a, dict) and isinstance(b, dict):
                if a.get("url") == b.get("url"):
                    problems.append("%s: a and b are the same article (same url)" % where)
                if a.get("outlet") == b.get("outlet") and a.get("published") == b.get("published"):
                    problems.append("%s: a and b come from the same outlet on the same day" % where)
                if a.get("text") == b.get("text"):
                    problems.append("%s: a and b have the same text" % where)
                for side in (a, b):
                    text = side.get("text")
                    if isinstance(text, str):
                        first = seen_texts.setdefault(text, where)
                        if first != where and first.split(":")[0] != path:
                            problems.append("%s: sentence also used in %s" % (where, first))
    return kinds


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    paths = argv[1:] or [os.path.join(root, "eval", "merge.dev.jsonl"),
                         os.path.join(root, "eval", "merge.test.jsonl")]
    problems = []
    seen_texts = {}
    for path in paths:
        kinds = check_file(path, problems, seen_texts)
        same = sum(kinds[k] for k in SAME_KINDS)
        diff = sum(kinds[k] for k in DIFFERENT_KINDS)
        print("%s: %d pairs, %d same, %d different" % (path, same + diff, same, diff))
        for k in SAME_KINDS + DIFFERENT_KINDS:
            print("  %-26s %3d" % (k, kinds[k]))
    for p in problems:
        print("problem: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
