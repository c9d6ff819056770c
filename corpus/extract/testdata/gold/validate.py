#!/usr/bin/env python3
"""Validate the extraction gold set (sentences-*.jsonl) and print counts.

Usage: python3 validate.py [dir]   (default: the directory of this file)
Exit status 1 if any file breaks a rule in README.md.
"""
import collections, glob, json, os, re, sys

STYLES = {"active-supplier", "active-recipient", "passive", "nominal", "list", "group", "denial",
          "talks", "cancelled", "aid", "licence", "two-relations", "negative", "one-sided",
          "capital", "manufacturer", "years", "tricky"}
STATUS = {"delivered", "ordered", "planned", "cancelled"}
KIND = {"sale", "aid", "licence"}
CATEGORY = {"", "Aircraft", "Air-defence systems", "Armoured vehicles", "Artillery", "Engines",
            "Missiles", "Naval weapons", "Other", "Satellites", "Sensors", "Ships"}
TAGS = {"cyrillic", "long"}
CA = ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"]
GROUPS = {
    "Central Asia": set(CA),
    "Gulf states": {"Bahrain", "Kuwait", "Oman", "Qatar", "Saudi Arabia", "United Arab Emirates"},
    "Baltic states": {"Estonia", "Latvia", "Lithuania"},
    "Alliance of Sahel States": {"Burkina Faso", "Mali", "Niger"},
}
# Canonical English short names allowed as supplier/recipient: the
# gazetteer's (bot/gazetteer/data_countries.go, third field), else the list below.
def gazetteer_names():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "bot", "gazetteer", "data_countries.go")
    try:
        with open(path, encoding="utf-8") as f:
            return {ln.split("|")[2] for ln in f if re.match(r"^[A-Z]{2}\|[A-Z]{3}\|", ln)}
    except OSError:
        return set()


COUNTRIES = set(CA) | set().union(*GROUPS.values()) | gazetteer_names() | {
    "Afghanistan", "Algeria", "Angola", "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan",
    "Bangladesh", "Belarus", "Bolivia", "Brazil", "Bulgaria", "Cambodia", "Canada", "Chad", "Chile",
    "China", "Colombia", "Czechia", "DR Congo", "Denmark", "Dominican Republic", "Ecuador", "Egypt",
    "Ethiopia", "Finland", "France", "Georgia", "Germany", "Ghana", "Greece", "Hungary", "India", "Indonesia",
    "Iran", "Iraq", "Syria", "Israel", "Italy", "Japan", "Jordan", "Kenya", "Libya", "Lithuania", "Malaysia", "Mexico", "Mongolia", "Morocco",
    "Myanmar", "Netherlands", "Nigeria", "North Korea", "Norway", "Pakistan", "Peru", "Philippines",
    "Poland", "Romania", "Russia", "Serbia", "Slovakia", "Somalia", "South Africa", "South Korea", "Soviet Union",
    "Spain", "Sudan", "Sweden", "Switzerland", "Taiwan", "Thailand", "Tunisia", "Turkey", "Ukraine",
    "United Arab Emirates", "United Kingdom", "United States", "Uruguay", "Venezuela", "Vietnam"}
REL_KEYS = ["supplier", "recipient", "system", "category", "status", "kind", "years", "inferred"]
OPT_REL_KEYS = {"group", "denied"}
CTX_KEYS = {"title", "published", "about", "previous"}
# Central Asia share: a sentence counts if a CA country is a party or is named in the text.
CA_WORDS = re.compile(r"Kazakh|Kyrgyz|Tajik|Turkmen|Uzbek|Astana|Almaty|Tashkent|Bishkek|Dushanbe|"
                      r"Ashgabat|Central Asia|Казахстан|Кыргызстан|Таджикистан|Туркменистан|Узбекистан")


def check(obj, where, errs):
    def err(msg):
        errs.append(f"{where}: {msg}")
    for k in ("id", "style", "text", "context", "relations"):
        if k not in obj:
            err(f"missing {k}")
            return
    extra = set(obj) - {"id", "style", "text", "context", "relations", "tags"}
    if extra:
        err(f"unknown keys {sorted(extra)}")
    if not re.fullmatch(r"s\d{3,}", obj["id"]):
        err(f"bad id {obj['id']!r}")
    if obj["style"] not in STYLES:
        err(f"bad style {obj['style']!r}")
    if not isinstance(obj["text"], str) or not obj["text"].strip():
        err("empty text")
    for t in obj.get("tags", []):
        if t not in TAGS:
            err(f"bad tag {t!r}")
    ctx = obj["context"]
    if not isinstance(ctx, dict) or set(ctx) - CTX_KEYS:
        err(f"bad context {ctx!r}")
        ctx = {}
    if "published" in ctx and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", ctx["published"]):
        err(f"bad published {ctx['published']!r}")
    if "about" in ctx and not (isinstance(ctx["about"], list) and all(a in COUNTRIES for a in ctx["about"])):
        err(f"bad about {ctx['about']!r}")
    rels = obj["relations"]
    if not isinstance(rels, list):
        err("relations is not a list")
        return
    for i, r in enumerate(rels):
        w = f"relation {i}"
        missing = [k for k in REL_KEYS if k not in r]
        if missing:
            err(f"{w}: missing {missing}")
            continue
        if set(r) - set(REL_KEYS) - OPT_REL_KEYS:
            err(f"{w}: unknown keys {sorted(set(r) - set(REL_KEYS) - OPT_REL_KEYS)}")
        for side in ("supplier", "recipient"):
            if r[side] not in COUNTRIES:
                err(f"{w}: {side} {r[side]!r} is not a canonical country name")
        if r["supplier"] == r["recipient"]:
            err(f"{w}: supplier == recipient")
        if r["status"] not in STATUS:
            err(f"{w}: bad status {r['status']!r}")
        if r["kind"] not in KIND:
            err(f"{w}: bad kind {r['kind']!r}")
        if r["category"] not in CATEGORY:
            err(f"{w}: bad category {r['category']!r}")
        if not isinstance(r["system"], str):
            err(f"{w}: system not a string")
        y = r["years"]
        if not (isinstance(y, list) and all(isinstance(v, int) and 1945 <= v <= 2035 for v in y)
                and y == sorted(set(y))):
            err(f"{w}: years must be sorted unique ints, got {y!r}")
        if not isinstance(r["inferred"], bool):
            err(f"{w}: inferred not bool")
        if r["inferred"] and not (ctx.get("about") or ctx.get("title") or ctx.get("previous")):
            err(f"{w}: inferred but context has no title/about/previous")
        if "denied" in r and (r["denied"] is not True or r["status"] != "cancelled"):
            err(f"{w}: denied must be true and only with status cancelled")
        if "group" in r and (r["group"] not in GROUPS or r["recipient"] not in GROUPS[r["group"]]):
            err(f"{w}: group {r.get('group')!r} does not contain {r['recipient']!r}")
    # style-level expectations
    st = obj["style"]
    expect = {
        "negative": lambda: rels == [],
        "group": lambda: any("group" in r for r in rels),
        "denial": lambda: any(r.get("denied") for r in rels),
        "talks": lambda: any(r["status"] == "planned" for r in rels),
        "cancelled": lambda: any(r["status"] == "cancelled" and not r.get("denied") for r in rels),
        "aid": lambda: any(r["kind"] == "aid" for r in rels),
        "licence": lambda: any(r["kind"] == "licence" for r in rels),
        "two-relations": lambda: len(rels) >= 2,
        "list": lambda: len(rels) >= 2,
        "one-sided": lambda: any(r["inferred"] for r in rels),
    }
    if st in expect and not expect[st]():
        err(f"style {st} but relations do not show it")
    if st != "one-sided" and any(r["inferred"] for r in rels):
        err("inferred relation outside style one-sided")


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    files = sorted(glob.glob(os.path.join(d, "sentences-*.jsonl")))
    if not files:
        print("no sentences-*.jsonl files in", d)
        return 1
    errs, ids, objs = [], {}, []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                where = f"{os.path.basename(f)}:{n}"
                if not line.strip():
                    errs.append(f"{where}: blank line")
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    errs.append(f"{where}: invalid JSON: {e}")
                    continue
                if obj.get("id") in ids:
                    errs.append(f"{where}: duplicate id {obj['id']} (first at {ids[obj['id']]})")
                ids[obj.get("id")] = where
                check(obj, f"{where} {obj.get('id')}", errs)
                objs.append(obj)
    texts = collections.Counter(o.get("text") for o in objs)
    errs += [f"duplicate text: {t!r}" for t, c in texts.items() if c > 1]

    per_style = collections.Counter(o["style"] for o in objs)
    rels = [r for o in objs for r in o["relations"]]
    print(f"files: {len(files)}  sentences: {len(objs)}  relations: {len(rels)}")
    print("per style (sentences / relations):")
    for s in sorted(STYLES):
        n = per_style.get(s, 0)
        nr = sum(len(o["relations"]) for o in objs if o["style"] == s)
        flag = "" if n >= 10 else "   <-- fewer than 10"
        print(f"  {s:17s} {n:4d} {nr:5d}{flag}")
    tags = collections.Counter(t for o in objs for t in o.get("tags", []))
    print("tags:", dict(tags))
    ca = sum(1 for o in objs if CA_WORDS.search(o["text"]) or any(
        r["recipient"] in CA or r["supplier"] in CA for r in o["relations"]))
    print(f"Central Asia sentences: {ca} ({100 * ca / len(objs):.0f}%)")
    for k in ("status", "kind", "category"):
        print(f"{k}:", dict(collections.Counter(r[k] for r in rels).most_common()))
    print("denied:", sum(1 for r in rels if r.get("denied")),
          " inferred:", sum(1 for r in rels if r["inferred"]),
          " grouped:", sum(1 for r in rels if "group" in r),
          " with years:", sum(1 for r in rels if r["years"]),
          " empty relations:", sum(1 for o in objs if not o["relations"]))
    if errs:
        print(f"\n{len(errs)} problem(s):")
        for e in errs:
            print("  " + e)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
