"""Check the default corpus's document-level gold (*.jsonl in this folder) against corpus/reports.

Adapted from the real-report set's validate.py: the gold lines follow the same format and
rules (see that set's GUIDELINES.md). Run from anywhere: python3 validate.py [file.jsonl ...]
(default: every *.jsonl here). Checks: no report has two lines (across all files read); every
line names a report in corpus/reports; relations and non_relations are lists; status, kind and
category come from the allowed lists; years are integers; supplier and recipient are canonical
country names of bot/gazetteer/data_countries.go; every evidence string (10+ characters) occurs
verbatim in the report body (front matter excluded); no duplicate (supplier, recipient, system,
status); no non-relation forbids a status that a relation of the same pair (and system, when
the non-relation names one) has. With --all, also that every report has a line. Prints OK or one
line per problem; exit status 1 on problems.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
STATUS = {"delivered", "ordered", "planned", "cancelled"}
KIND = {"sale", "aid", "licence"}
CATEGORY = {"Aircraft", "Air-defence systems", "Anti-submarine warfare", "Armoured vehicles",
            "Artillery", "Engines", "Missiles", "Naval weapons", "Satellites", "Sensors",
            "Ships", "Other"}
REL_KEYS = ["supplier", "recipient", "system", "category", "status", "kind", "years", "evidence"]
NR_KEYS = ["supplier", "recipient", "must_not_be", "why", "evidence"]
WHY = ("denied", "refused", "blocked", "embargo", "no deal", "not yet", "component origin",
       "listed together", "exercise", "visit", "war", "sanctions", "deployment", "transit",
       "captured", "domestic production", "not a transfer", "direction", "unconfirmed",
       "not military")


def countries():
    """Canonical country names: third field of each data line in data_countries.go."""
    path = os.path.join(ROOT, "bot", "gazetteer", "data_countries.go")
    names = set()
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("|")
        if len(f) >= 3 and re.fullmatch(r"[A-Z]{2}", f[0]):
            names.add(f[2])
    return names


def bodies():
    out = {}
    for p in glob.glob(os.path.join(ROOT, "corpus", "reports", "*.md")):
        text = open(p, encoding="utf-8").read()
        m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
        out[os.path.basename(p)[:-3]] = m.group(2) if m else None
    return out


def check_relation(r, rel, body, names, keys, errs):
    if sorted(rel) != sorted(REL_KEYS):
        errs.append(f"{r}: relation keys {sorted(rel)}")
        return
    for side in ("supplier", "recipient"):
        if rel[side] not in names:
            errs.append(f"{r}: {side} not a canonical country: {rel[side]!r}")
    if rel["status"] not in STATUS:
        errs.append(f"{r}: bad status {rel['status']!r}")
    if rel["kind"] not in KIND:
        errs.append(f"{r}: bad kind {rel['kind']!r}")
    if rel["category"] not in CATEGORY:
        errs.append(f"{r}: bad category {rel['category']!r}")
    if not all(isinstance(y, int) for y in rel["years"]):
        errs.append(f"{r}: bad years {rel['years']!r}")
    if len(rel["evidence"]) < 10 or rel["evidence"] not in body:
        errs.append(f"{r}: evidence not found: {rel['evidence']!r}")
    k = (rel["supplier"], rel["recipient"], rel["system"], rel["status"])
    if k in keys:
        errs.append(f"{r}: duplicate relation {k}")
    keys.add(k)


def check_non_relation(r, nr, rels, body, names, errs):
    if not set(NR_KEYS) <= set(nr) or set(nr) - set(NR_KEYS) - {"system"}:
        errs.append(f"{r}: non_relation keys {sorted(nr)}")
        return
    for side in ("supplier", "recipient"):
        if nr[side] not in names:
            errs.append(f"{r}: non_relation {side} not a canonical country: {nr[side]!r}")
    if not nr["must_not_be"] or not set(nr["must_not_be"]) <= STATUS:
        errs.append(f"{r}: bad must_not_be {nr['must_not_be']!r}")
    if not nr["why"].startswith(WHY):
        errs.append(f"{r}: why does not start with a listed reason: {nr['why']!r}")
    if len(nr["evidence"]) < 10 or nr["evidence"] not in body:
        errs.append(f"{r}: non_relation evidence not found: {nr['evidence']!r}")
    for rel in rels:
        same = rel["supplier"] == nr["supplier"] and rel["recipient"] == nr["recipient"]
        scoped = "system" not in nr or nr["system"] == rel["system"]
        if same and scoped and rel["status"] in nr["must_not_be"]:
            errs.append(f"{r}: non_relation contradicts {rel['supplier']} -> {rel['recipient']} {rel['system']} {rel['status']}")


def check_line(A, reports, names, errs):
    r = A.get("report")
    if r not in reports or reports[r] is None:
        errs.append(f"{r}: no report file or no front matter")
        return
    body = reports[r]
    for key in ("relations", "non_relations"):
        if not isinstance(A.get(key), list):
            errs.append(f"{r}: {key} missing")
    extra = set(A) - {"report", "relations", "non_relations", "notes"}
    if extra:
        errs.append(f"{r}: unknown keys {sorted(extra)}")
    keys = set()
    for rel in A.get("relations", []):
        check_relation(r, rel, body, names, keys, errs)
    for nr in A.get("non_relations", []):
        check_non_relation(r, nr, A.get("relations", []), body, names, errs)


def main(argv):
    want_all = "--all" in argv
    files = [a for a in argv if a != "--all"] or sorted(glob.glob(os.path.join(HERE, "*.jsonl")))
    reports, names = bodies(), countries()
    errs, seen, n = [], set(), 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            for i, raw in enumerate(f, 1):
                if not raw.strip():
                    continue
                try:
                    A = json.loads(raw)
                except json.JSONDecodeError as e:
                    errs.append(f"{path}:{i}: invalid JSON: {e}")
                    continue
                n += 1
                if A.get("report") in seen:
                    errs.append(f"{A.get('report')}: more than one line")
                seen.add(A.get("report"))
                check_line(A, reports, names, errs)
    if want_all:
        for r in sorted(set(reports) - seen):
            errs.append(f"{r}: no annotation line")
    print("\n".join(errs) if errs else f"OK: {len(files)} file(s), {n} lines, {len(reports)} reports")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
