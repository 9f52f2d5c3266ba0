#!/usr/bin/env python3
"""Builds briefsmith's gazetteer: groups.tsv, software.tsv, states.tsv.

Reads snapshots of public sources (each a git repository, bare or checked
out, or a plain folder) and writes the TSV files beside this script, sorted
so that the same snapshots always give the same bytes. Standard library only.

    python3 data/gazetteer/build.py \
        --attack   PATH-TO/mitre/cti \
        --factbook PATH-TO/factbook/factbook.json \
        --fto      PATH-TO/samcor33/ostaGIS \
        --common-words /usr/share/dict/american-english \
        --words    /usr/share/dict/american-english-large

README.md beside this script says where each source comes from, what its
licence asks, and which rules below drop or mark a name. The rules are kept
here, in code, so that the TSV files are never edited by hand.
"""

import argparse
import html
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))

# Where each file lives inside its snapshot.
FTO_PAGE = "help/mapping_t_orgs/CIA_t_o.html"
ATTACK_DIRS = {
    "groups": "enterprise-attack/intrusion-set/",
    "malware": "enterprise-attack/malware/",
    "tool": "enterprise-attack/tool/",
}


# ---------------------------------------------------------------- sources


class Snapshot:
    """Files of one source: a git repository (read at a commit) or a folder."""

    def __init__(self, path, rev="HEAD"):
        self.path = path
        self.git = subprocess.run(
            ["git", "-C", path, "rev-parse", "--verify", rev + "^{commit}"],
            capture_output=True, text=True,
        )
        if self.git.returncode == 0:
            self.commit = self.git.stdout.strip()
        else:
            self.commit = None

    def list(self, prefix):
        if self.commit:
            out = subprocess.run(
                ["git", "-C", self.path, "ls-tree", "-r", "--name-only", self.commit] + (["--", prefix] if prefix else []),
                capture_output=True, text=True, check=True,
            ).stdout
            return sorted(out.split("\n")[:-1])
        root = os.path.join(self.path, prefix)
        found = []
        for folder, _, files in os.walk(root):
            for name in files:
                found.append(os.path.relpath(os.path.join(folder, name), self.path))
        return sorted(found)

    def read_many(self, paths):
        """Contents of many files, read through one `git cat-file` process."""
        if not self.commit:
            return [self.read(p) for p in paths]
        request = "".join(f"{self.commit}:{p}\n" for p in paths).encode()
        out = subprocess.run(
            ["git", "-C", self.path, "cat-file", "--batch"],
            input=request, capture_output=True, check=True,
        ).stdout
        contents, pos = [], 0
        for path in paths:
            end = out.index(b"\n", pos)
            header = out[pos:end].split()
            if header[-1] == b"missing":
                sys.exit(f"build.py: {path} is missing from {self.path}")
            size = int(header[2])
            contents.append(out[end + 1:end + 1 + size].decode("utf-8"))
            pos = end + 1 + size + 1
        return contents

    def read(self, path):
        if self.commit:
            return self.read_many([path])[0]
        with open(os.path.join(self.path, path), encoding="utf-8") as f:
            return f.read()

    def describe(self):
        return f"commit {self.commit}" if self.commit else "a folder without git history"


# ---------------------------------------------------------- normalisation
#
# The same steps as `tokens` in src/analysis/gazetteer.rs: the build uses
# them to find names that collide or that are words, the loader to look
# names up. Keep the two in step.

APOSTROPHES = "\u2019\u2018\u02bc\u02bb`\u00b4"


def fold(text):
    """Latin letters without their accents: Côte → Cote, Türkiye → Turkiye."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def tokens(text, keep_case=False):
    """A name as the loader keys it: folded, apostrophes and full stops
    dropped, hyphens, dashes and other punctuation as spaces, a trailing
    possessive 's dropped from each word, a leading "the" dropped."""
    text = fold(text)
    for a in APOSTROPHES:
        text = text.replace(a, "'")
    if not keep_case:
        text = text.lower()
    text = text.replace(".", "")
    text = "".join(c if c.isalnum() or c in "'&" else " " for c in text)
    out = []
    for word in text.split():
        if word[-2:].lower() == "'s" and len(word) > 2:
            word = word[:-2]
        word = word.replace("'", "")
        if any(c.isalnum() for c in word):
            out.append(word)
    if len(out) > 1 and out[0].lower() == "the":
        out = out[1:]
    return out


def key(text):
    return " ".join(tokens(text))


def has_inner_capital(name):
    """STRONTIUM, GoldenEye: a word spelt this way is not the ordinary word."""
    letters = [c for c in name if c.isalpha()]
    return any(c.isupper() for c in letters[1:])


# Short words that do not count against a name being a name: "Army of the
# Pure", "al-Qa'ida", "Lashkar-e Tayyiba", "Cartel de Sinaloa".
PARTICLES = set(
    "a al an and ad ar as ash at au aux az bil bin de del der des di du e el en fi "
    "for i ibn il in la las le li lil los min of on or the to ud ul ut van "
    "von wa wal y na et".split()
)


def name_like(text):
    """Every word capitalised (or a particle or a number): a name, not a
    description such as "the military arm of ..." or "splinter group"."""
    words = tokens(text, keep_case=True)
    if not words:
        return False
    # "d'Ivoire" reads as dIvoire: an elided particle before a capital.
    return all(
        w[0].isupper() or w[0].isdigit() or w.lower() in PARTICLES or (len(w) > 1 and w[1].isupper())
        for w in words
    )


def acronym_like(text):
    """ISIS-K, AQAP, LeT, TdA, MS-13: one word, at least as many capitals as
    small letters. Kept out of the word-list checks."""
    if " " in text.strip():
        return False
    upper = sum(c.isupper() for c in text)
    lower = sum(c.islower() for c in text)
    return upper >= 2 and upper >= lower


# --------------------------------------------------------------- word list


class Words:
    """Two English word lists (SCOWL, as Debian's wamerican and
    wamerican-large ship them), lower-case entries only. A name that is a
    common word is dropped where a rule says so; a name that is any word
    at all is marked, and the loader then matches it only capitalised and
    not at the start of a sentence."""

    def __init__(self, common_path, known_path):
        self.common_words = self.load(common_path)
        self.known_words = self.load(known_path) | self.common_words

    @staticmethod
    def load(path):
        with open(path, encoding="utf-8") as f:
            return {w.strip() for w in f if w.strip() and w[0].islower()}

    def common(self, name):
        """Whether `name` reads as one common English word."""
        parts = tokens(name)
        return len(parts) == 1 and parts[0] in self.common_words

    def known(self, name):
        """Whether `name` reads as one English word, however rare."""
        parts = tokens(name)
        return len(parts) == 1 and parts[0] in self.known_words


# ----------------------------------------------------------------- records


class Record:
    """One line of groups.tsv or software.tsv while it is being built."""

    def __init__(self, name, category, source):
        self.category = category
        self.source = source
        # (display form, rank); rank 0 is the canonical name, 1 a name or
        # acronym from the source's own heading, 2 an alias. A name that two
        # records share stays with the one that ranks it highest alone.
        self.names = []
        self.add(name, 0)

    def add(self, name, rank):
        name = clean(name)
        if not name or not tokens(name):
            return
        k = key(name)
        for i, (existing, r) in enumerate(self.names):
            if key(existing) == k:
                if rank < r:
                    self.names[i] = (existing, rank)
                return
        self.names.append((name, rank))


def clean(text):
    text = html.unescape(text).replace("\u00a0", " ")
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:\"“”")
    return text


def resolve_collisions(records, dropped, what):
    """Drops names that more than one record claims at its best rank."""
    claims = defaultdict(list)
    for index, record in enumerate(records):
        for name, rank in record.names:
            claims[key(name)].append((rank, index, name))
    for k, holders in sorted(claims.items()):
        if len({index for _, index, _ in holders}) < 2:
            continue
        best = min(rank for rank, _, _ in holders)
        winners = {index for rank, index, _ in holders if rank == best}
        keep = next(iter(winners)) if len(winners) == 1 else None
        for rank, index, name in holders:
            if index == keep:
                continue
            if rank == 0:
                sys.exit(f"build.py: two records are both called {name}")
            record = records[index]
            record.names = [(n, r) for n, r in record.names if key(n) != k]
            others = sorted({records[i].names[0][0] for _, i, _ in holders if i != index})
            dropped.append((what, name, f"name of {record.names[0][0]}, also of {', '.join(others)}"))


def drop_state_names(records, states, dropped, what):
    """Drops a group's or a program's alias that names a state, its capital or
    its people ("Colombia" among the names of Segunda Marquetalia): in a
    brief such a word means the state."""
    taken = {key(n) for s in states for f in ("official", "other", "demonyms", "capitals") for n in s.fields[f]}
    taken |= {key(s.name) for s in states}
    for record in records:
        keep = [record.names[0]] + [(n, r) for n, r in record.names[1:] if key(n) not in taken]
        for n, _ in record.names[1:]:
            if key(n) in taken:
                dropped.append((what, n, f"alias of {record.names[0][0]}, also a state's name"))
        record.names = keep


# ------------------------------------------------------------ ATT&CK data


def attack_objects(snapshot, folder):
    paths = [p for p in snapshot.list(folder) if p.endswith(".json")]
    objects = []
    for text in snapshot.read_many(paths):
        for obj in json.loads(text)["objects"]:
            if obj.get("revoked") or obj.get("x_mitre_deprecated"):
                continue
            ids = [r["external_id"] for r in obj.get("external_references", []) if r.get("source_name") == "mitre-attack"]
            obj["attack_id"] = ids[0]
            objects.append(obj)
    return objects


def attack_groups(snapshot, words, dropped):
    records = []
    for obj in attack_objects(snapshot, ATTACK_DIRS["groups"]):
        record = Record(obj["name"], "cyber", obj["attack_id"])
        for alias in obj.get("aliases", []):
            if short_word(alias, words):
                dropped.append(("group", alias, f"alias of {obj['name']}: a word of three letters or fewer"))
                continue
            record.add(alias, 2)
        records.append(record)
    return records


def short_word(name, words):
    k = key(name)
    # LeT is not "let"; IS, AS and HAD are "is", "as" and "had" in a heading.
    mixed_case = any(c.islower() for c in name) and has_inner_capital(name)
    return len(k) <= 3 and words.common(name) and not mixed_case


def first_sentence(text):
    text = re.sub(r"\(Citation:[^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.split(r"(?<=[a-z)])\.\s", text.strip(), maxsplit=1)[0]


SYSTEM = re.compile(r"\b(Windows|Unix|Linux|macOS|operating system|Microsoft|command[- ]line)\b", re.I)


def system_utility(obj):
    """A program that ships with the operating system: ATT&CK says so in
    the first sentence ("Reg is a Windows utility", "The Net utility is a
    component of the Windows operating system")."""
    sentence = first_sentence(obj.get("description", ""))
    return obj["type"] == "tool" and re.search(r"\butilit(y|ies)\b", sentence, re.I) and SYSTEM.search(sentence)


def attack_software(snapshot, words, dropped):
    records = []
    for kind in ("malware", "tool"):
        for obj in attack_objects(snapshot, ATTACK_DIRS[kind]):
            name = obj["name"]
            names = [name] + [a for a in obj.get("x_mitre_aliases", []) if a != name]
            if system_utility(obj):
                for n in names:
                    dropped.append(("software", n, "a utility that ships with the operating system"))
                continue
            kept, removed = [], []
            for n in names:
                why = software_drop(n, words)
                if not why and n.lower().endswith(".exe") and n[:-4].lower() in removed:
                    why = "the file name of a dropped name"
                if why:
                    removed.append(n.lower())
                    dropped.append(("software", n, why))
                else:
                    kept.append(n)
            if not kept:
                continue
            record = Record(kept[0], kind, obj["attack_id"])
            for n in kept[1:]:
                record.add(n, 2)
            records.append(record)
    return records


def software_drop(name, words):
    if len(key(name).replace(" ", "")) <= 3:
        return "three characters or fewer"
    if words.common(name) and not has_inner_capital(name):
        return "a common English word"
    return None


# ------------------------------------------------- terrorist organisations


def split_top(text, separators=";,"):
    """Splits at separators outside brackets."""
    parts, depth, current = [], 0, []
    for c in text:
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        if c in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(c)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def alias_forms(item):
    """The names in one "aka" item: "X (ACR)", "X or ACR", "formerly X",
    "HAMAS is the acronym for X (translation)"."""
    item = clean(item)
    if not item or item.lower().startswith("note"):
        return []
    item = re.sub(r"^(formerly|former|or|and|aka)\s+", "", item, flags=re.I)
    if " is the acronym for " in item:
        item = item.split(" is the acronym for ", 1)[1]
    names = []
    for inner in re.findall(r"\(([^()]*)\)", item):
        for piece in re.split(r",|;| or | – ", inner):
            piece = clean(re.sub(r"^(aka|or)\s+", "", piece.strip()))
            # Bracketed words are acronyms or English glosses ("Qa'idat
            # al-Jihad (The Base for Jihad)"); a gloss is no name to match.
            if acronym_like(piece):
                names.append(piece)
    base = clean(re.sub(r"\s*\([^()]*\)\s*", " ", item))
    for piece in re.split(r" or ", base):
        names.append(clean(piece.strip("\"“” ")))
    return [n for n in names if n]


class Section:
    """One organisation on the Factbook's Terrorist Organizations page."""

    def __init__(self, title, body):
        self.title = clean(title)
        fields = {}
        # Labels are bold: "<strong>aka</strong> – ...", "<strong>designation – </strong>...".
        pieces = re.split(r"<strong>(.*?)</strong>", body, flags=re.S)
        for label, text in zip(pieces[1::2], pieces[2::2]):
            label = clean(label).lower().strip(" –-:")
            if label:
                fields[label] = text
        self.fields = fields
        self.text = clean(body)

    def aka(self):
        raw = self.fields.get("aka", "")
        # The aka line ends at the first paragraph break.
        raw = re.split(r"<br\s*/?>\s*<br|</p>", raw)[0]
        return split_top(clean(raw).strip(" –-:"))

    def designated_fto(self):
        text = clean(self.fields.get("designation", "")) or self.text
        if "non-FTO" in self.title:
            return False
        return bool(re.search(r"Foreign Terrorist Organization|\(FTO\)|list of FTOs", text))


def heading_names(title):
    """ "Hay'at Tahrir al-Sham (HTS)/al-Nusrah Front (ANF)" → the whole
    name without brackets, each part, and each bracketed acronym."""
    canonical = clean(re.sub(r"\s*\([^()]*\)", "", title))
    extra = []
    for inner in re.findall(r"\(([^()]*)\)", title):
        for piece in inner.split(","):
            piece = clean(piece)
            if piece:
                extra.append(piece)
    if ")/" in title:
        for part in title.split(")/"):
            extra.append(clean(re.sub(r"\s*\([^()]*\)?", "", part)))
    return canonical, extra


def fto_groups(snapshot, words, dropped):
    page = snapshot.read(FTO_PAGE)
    records = []
    for chunk in re.split(r"<h2[^>]*>", page)[1:]:
        title, body = chunk.split("</h2>", 1)
        section = Section(title, body)
        if not section.designated_fto():
            dropped.append(("group", section.title, "not on the FTO list (the page says so)"))
            continue
        canonical, extra = heading_names(section.title)
        record = Record(canonical, "terrorist", "FTO")
        for name in extra:
            why = terrorist_alias_drop(name, words)
            if why:
                dropped.append(("group", name, f"heading of {canonical}: {why}"))
            else:
                record.add(name, 1)
        for item in section.aka():
            for name in alias_forms(item):
                why = terrorist_alias_drop(name, words)
                if why:
                    dropped.append(("group", name, f"alias of {canonical}: {why}"))
                else:
                    record.add(name, 2)
        records.append(record)
    return records


# Acronyms that in briefs far more often stand for something else.
OTHER_MEANINGS = {
    "AAA": "anti-aircraft artillery",
    "CDN": "content delivery network",
    "HM": "His or Her Majesty's",
    "HSM": "hardware security module",
    "ISI": "Pakistan's Inter-Services Intelligence",
    "ISP": "internet service provider",
    "KIA": "killed in action",
}


def terrorist_alias_drop(name, words):
    if name in OTHER_MEANINGS:
        return f"usually means {OTHER_MEANINGS[name]}"
    if acronym_like(name):
        return "a word of three letters or fewer" if short_word(name, words) else None
    if not name_like(name):
        return "a description, not a name"
    if words.common(name):
        return "a common English word"
    return None


def skeleton(text):
    """Letters without vowels or doubled letters: Jemaah Islamiyah and
    Jemaah Islamiyyah, Asa'ib Ahl al-Haq and al-Haqq come out the same."""
    out = []
    for word in sorted(tokens(text)):
        s = re.sub(r"[aeiouy]", "", word)
        s = re.sub(r"(.)\1+", r"\1", s)
        out.append(s)
    return " ".join(out)


def factbook_groups(factbook, records, words, dropped):
    """Adds what the Factbook's country profiles list under "Terrorist
    group(s)": new aliases for organisations already known, and groups the
    Terrorist Organizations page does not have yet (later designations)."""
    mentions = set()
    for path, text in factbook_profiles(factbook):
        field = json.loads(text).get("Terrorism", {}).get("Terrorist group(s)", {})
        raw = html.unescape(field.get("text", "")) if isinstance(field, dict) else ""
        if " such as " in raw:
            # A sentence about the region, not a list of groups.
            dropped.append(("group", f"Factbook {path}: {clean(raw)[:60]}…", "a sentence, not a list"))
            continue
        for item in split_top(clean(raw)):
            mentions.add(item)

    def find(names):
        # Exact keys for all; word order and spelling variants ("Jalisco
        # Cartel New Generation", "al-Haq"/"al-Haqq") only for names of two
        # words or more, where a vowel-less skeleton is still distinctive.
        loose = lambda n: len(tokens(n)) > 1 and not acronym_like(n)
        tables = [(key, {}), (lambda n: " ".join(sorted(tokens(n))), {}), (skeleton, {})]
        for i, r in enumerate(records):
            for n, _ in r.names:
                for j, (f, table) in enumerate(tables):
                    if j == 0 or loose(n):
                        table.setdefault(f(n), i)
        for n in names:
            for j, (f, table) in enumerate(tables):
                if (j == 0 or loose(n)) and f(n) in table:
                    return table[f(n)]
        return None

    # Those that carry an acronym first: the acronym ties variants together.
    for item in sorted(mentions, key=lambda m: ("(" not in m, m)):
        # A bracket inside the name names the parent ("ISIS (ISIS) - Yemen");
        # only a bracket at the end is this group's own acronym or alias.
        trailing = re.search(r"\(([^()]*)\)\s*$", item)
        name = clean(re.sub(r"\s*\([^()]*\)", "", item))
        extra = []
        if trailing:
            inner = re.sub(r"^aka\s+", "", trailing.group(1))
            extra = [clean(p) for p in re.split(r",| or ", inner) if clean(p)]
        if not name_like(name):
            dropped.append(("group", item, "Factbook country profile: a description, not a name"))
            continue
        extra = [e for e in extra if acronym_like(e) or name_like(e)]
        found = find([name] + [e for e in extra if acronym_like(e)])
        if found is None:
            record, rank = Record(name, "terrorist", "WFB"), 1
            records.append(record)
        else:
            record, rank = records[found], 2
            record.add(name, 2)
        for e in extra:
            why = terrorist_alias_drop(e, words)
            if why:
                dropped.append(("group", e, f"alias of {record.names[0][0]}: {why}"))
            else:
                record.add(e, rank)


# ------------------------------------------------------------------ states


def factbook_profiles(factbook):
    paths = [p for p in factbook.list("") if re.match(r"^[a-z-]+/[a-z]{2}\.json$", p) and not p.startswith("meta/")]
    return zip(paths, factbook.read_many(paths))


def text_of(field):
    if isinstance(field, dict):
        field = field.get("text")
    if not isinstance(field, str):
        return ""
    text = clean(field)
    return "" if text.lower() == "none" else text


def cut_note(text):
    return re.split(r";?\s*note\s*[-–:]", text, maxsplit=1, flags=re.I)[0].strip(" ;,")


# Profiles that the rules below cannot read, and names that English prose
# uses but the Factbook does not list (its names are the US government's
# conventional ones). Each is briefsmith's own addition, marked as such in
# states.tsv's source column.
CANONICAL = {
    "cf": "Republic of the Congo",
    "cg": "Democratic Republic of the Congo",
    "dr": "Dominican Republic",
    "vt": "Holy See",
}
CAPITALS = {
    "us": ["Washington", "Washington, D.C."],
    "nr": ["Yaren"],
}
EXTRA = {
    "us": {"other": ["America", "U.S.A."]},
    "uk": {"other": ["Britain", "Great Britain"]},
    "tu": {"other": ["Türkiye"]},
    "bm": {"other": ["Myanmar"], "capitals": ["Naypyidaw"]},
    "iv": {"other": ["Ivory Coast", "Cote d'Ivoire"], "demonyms": ["Ivorian"]},
    "cg": {"other": ["DR Congo", "Congo-Kinshasa", "DRC"]},
    "cf": {"other": ["Congo-Brazzaville"]},
    "wz": {"other": ["Swaziland"], "demonyms": ["Swazi"]},
    "tt": {"other": ["East Timor"]},
    "cv": {"other": ["Cape Verde"]},
    "bk": {"other": ["Bosnia"]},
    "vt": {"other": ["Vatican"]},
    "vm": {"other": ["Viet Nam"]},
    "fm": {"other": ["Micronesia"]},
    "tw": {"other": ["Republic of China", "ROC"], "demonyms": ["Taiwanese"]},
    "kv": {"demonyms": ["Kosovar"]},
    "kz": {"demonyms": ["Kazakh"]},
    "kg": {"demonyms": ["Kyrgyz"]},
    "ti": {"demonyms": ["Tajik"]},
    "tx": {"demonyms": ["Turkmen"]},
    "uz": {"demonyms": ["Uzbek"]},
}
# Places commonly written about as actors that have no profile of their own.
TERRITORIES = [
    {
        "name": "Palestine",
        "official": ["State of Palestine"],
        "other": ["Palestinian Territories", "West Bank", "Gaza Strip", "Gaza"],
        "demonyms": ["Palestinian", "Palestinians"],
        "capitals": ["Ramallah"],
    },
    {
        "name": "Somaliland",
        "official": ["Republic of Somaliland"],
        "other": [],
        "demonyms": ["Somalilander", "Somalilanders"],
        "capitals": ["Hargeisa"],
    },
]
# Profiles of places that are not independent states but act as one.
INCLUDE = {"tw"}


def split_names(text):
    """ "US or USA", "Gaza, Gaza Strip", "Holy See (Vatican City)"."""
    out = []
    text = cut_note(text)
    for part in split_top(text, ";,/"):
        base = clean(re.sub(r"\s*\([^()]*\)", "", part))
        for piece in re.split(r" or ", base):
            piece = clean(piece)
            if piece and name_like(piece):
                out.append(piece)
        for inner in re.findall(r"\(([^()]*)\)", part):
            inner = re.sub(r"^or\s+", "", inner.strip())
            if name_like(inner):
                out.append(clean(inner))
    return out


def parse_capitals(text):
    """ "Porto-Novo (constitutional capital); Cotonou (seat of government)",
    "Kyiv (Kiev is the transliteration from Russian)", "Rangoon (aka Yangon,
    ...); Nay Pyi Taw is the administrative capital"."""
    text = re.sub(r"\[[^\]]*\]", "", cut_note(text))
    out = []
    for part in split_top(text, ";,"):
        for inner in re.findall(r"\(([^()]*)\)", part):
            for piece in re.split(r"[,/;]", inner):
                piece = re.sub(r"^aka\s+", "", piece.strip())
                piece = re.split(r"\s+(is|in|on)\s+", piece)[0].strip()
                # "(on Viti Levu)", "(constitutional capital)": a description.
                if piece and piece[0].isupper() and name_like(piece) and "capital" not in piece.lower():
                    out.append(piece)
        base = clean(re.sub(r"\s*\([^()]*\)", "", part))
        base = re.split(r"\s+(is|in|on)\s+", base)[0].strip()
        if base and name_like(base):
            out.append(base)
    return out


def parse_demonyms(text):
    """ "Afghan(s)", "Burkinabe (singular and plural)", "Congolese or Congo",
    "Taiwan (or Taiwanese)", "Irishman(men)"; plurals spelt out."""
    out = []
    text = cut_note(text)
    text = re.sub(r"\((singular|plural|collective|colloquial)[^()]*\)", "", text)
    for inner in re.findall(r"\(or ([^()]*)\)", text):
        out.append(clean(inner))
    text = re.sub(r"\(or [^()]*\)", "", text)
    for part in re.split(r",|;| or ", text):
        part = part.strip()
        m = re.match(r"^(.*?)\s*\((s|men|women)\)$", part)
        if m:
            stem, suffix = m.groups()
            out.append(stem)
            if suffix == "s":
                out.append(stem + "s")
            elif stem.endswith(suffix[:-2] + "an"):
                out.append(stem[: -len(suffix)] + suffix)
        elif part:
            out.append(part)
    return [clean(d) for d in out if clean(d) and name_like(clean(d))]


class State:
    def __init__(self, code, name, official, other, demonyms, capitals, source):
        self.code = code
        self.name = name
        self.fields = {"official": official, "other": other, "demonyms": demonyms, "capitals": capitals}
        self.source = source


def unique(names, exclude=()):
    seen = {key(n) for n in exclude}
    out = []
    for n in names:
        n = clean(n)
        k = key(n)
        if n and k and k not in seen:
            seen.add(k)
            out.append(n)
    return out


def factbook_states(factbook, words, dropped):
    states = []
    for path, text in factbook_profiles(factbook):
        code = path.split("/")[1][:2]
        profile = json.loads(text)
        government = profile.get("Government", {})
        independent = "Independence" in government and "Dependency status" not in government
        if not (independent or code in INCLUDE):
            continue
        country = government.get("Country name", {})
        short = cut_note(text_of(country.get("conventional short form")))
        long_form = cut_note(text_of(country.get("conventional long form")))
        if not short and not long_form:
            continue
        official = [n for n in split_names(long_form) if not re.search(r"\d", n)]
        # The overridden short forms ("Congo (Brazzaville)") do not parse.
        other = [] if code in CANONICAL else split_names(short)
        other += split_names(text_of(country.get("abbreviation")))
        if code in CANONICAL:
            name = CANONICAL[code]
        elif short and not acronym_like(short) and other:
            name = other[0]
        else:
            name = official[0]
        extra = EXTRA.get(code, {})
        other = [n for n in other if key(n) != key(name)] + extra.get("other", [])
        capitals = CAPITALS.get(code) or parse_capitals(text_of(government.get("Capital", {}).get("name")))
        capitals += extra.get("capitals", [])
        nationality = profile.get("People and Society", {}).get("Nationality", {})
        demonyms = []
        if isinstance(nationality, dict):
            adjectives = parse_demonyms(text_of(nationality.get("adjective")))
            demonyms += adjectives
            plain = {key(a) for a in adjectives} | {key(a) + "s" for a in adjectives}
            for noun in parse_demonyms(text_of(nationality.get("noun"))):
                # "Pole": a noun that is a common word, unless it
                # is the adjective too (Afghan, Afghans).
                if words.common(noun) and key(noun) not in plain:
                    dropped.append(("state", noun, f"demonym of {name}: a common English word"))
                else:
                    demonyms.append(noun)
        # "North Korean" where the Factbook says "Korean" for both Koreas.
        for half in ("North", "South"):
            if name.startswith(half + " "):
                demonyms += [f"{half} {d}" for d in demonyms if not d.startswith(half)]
        demonyms += extra.get("demonyms", [])
        source = f"WFB:{code}" + ("+briefsmith" if code in CANONICAL or code in CAPITALS or code in EXTRA else "")
        official = unique(official, [name])
        other = unique(other, [name] + official)
        capitals = unique(capitals)
        demonyms = unique(demonyms, [name] + official + other)
        states.append(State(code, name, official, other, demonyms, capitals, source))
    for t in TERRITORIES:
        states.append(State("", t["name"], t["official"], t["other"], t["demonyms"], t["capitals"], "briefsmith"))
    resolve_state_collisions(states, dropped)
    return states


def resolve_state_collisions(states, dropped):
    """A name two states share (Korean, Congolese, Dominican) names neither."""
    claims = defaultdict(set)
    for i, s in enumerate(states):
        for n in [s.name] + [n for f in s.fields.values() for n in f]:
            claims[key(n)].add(i)
    for k, holders in sorted(claims.items()):
        if len(holders) < 2:
            continue
        owners = sorted(states[i].name for i in holders)
        for i in holders:
            s = states[i]
            if key(s.name) == k:
                sys.exit(f"build.py: the state name {s.name} is also a name of {owners}")
            for field, names in s.fields.items():
                for n in names:
                    if key(n) == k:
                        dropped.append(("state", n, f"shared by {', '.join(owners)}"))
                s.fields[field] = [n for n in names if key(n) != k]


# ------------------------------------------------------------------ output


def join(names):
    for name in names:
        if any(c in name for c in "\t|\n") or name.startswith("#"):
            sys.exit(f"build.py: {name!r} cannot be written into a TSV cell")
    return "|".join(names)


def write(path, header, rows):
    body = "".join("\t".join(row) + "\n" for row in rows)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(f"# {line}\n".replace("# \n", "#\n") for line in header))
        f.write(body)


def record_rows(records, words):
    rows = []
    for r in records:
        names = [n for n, _ in r.names]
        flagged = [n for n in names if words.known(n)]
        rows.append((join(names[:1]), r.category, join(names[1:]), r.source, join(flagged)))
    return sorted(rows, key=lambda row: (key(row[0]), row[0], row[3]))


def write_dropped(dropped):
    """Rewrites the generated list of dropped names in README.md."""
    readme = os.path.join(HERE, "README.md")
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    start, end = "<!-- dropped:start -->", "<!-- dropped:end -->"
    if start not in text or end not in text:
        sys.exit("build.py: README.md lacks the dropped-names markers")
    lines = ["", "| file | name | why |", "|---|---|---|"]
    seen = set()
    for what, name, why in sorted(dropped, key=lambda d: (d[0], key(d[1]), d[1], d[2])):
        if (what, name, why) in seen:
            continue
        seen.add((what, name, why))
        cell = name.replace("|", "\\|")
        lines.append(f"| {what} | {cell} | {why} |")
    block = start + "\n".join(lines) + "\n\n" + end
    text = text[: text.index(start)] + block + text[text.index(end) + len(end):]
    with open(readme, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def write_attack_licence(attack):
    """LICENSE-ATTACK.txt: ATT&CK's licence and copyright designation, as the
    licence asks of every copy, taken from the same snapshot as the data."""
    licence = attack.read("LICENSE.txt")
    section = licence.split("CAPEC", 1)[0].rstrip()
    marking = ""
    for path in attack.list("enterprise-attack/marking-definition/"):
        for obj in json.loads(attack.read(path))["objects"]:
            marking = obj.get("definition", {}).get("statement", marking)
    text = (
        "briefsmith's data/gazetteer/groups.tsv and software.tsv are derived from\n"
        "MITRE ATT&CK(R) (Enterprise), https://github.com/mitre/cti, " + attack.describe() + ".\n"
        "MITRE's licence and copyright designation, reproduced as the licence requires:\n\n"
        + section + "\n\n" + marking + "\n"
    )
    with open(os.path.join(HERE, "LICENSE-ATTACK.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--attack", required=True, help="mitre/cti repository (git or folder)")
    parser.add_argument("--factbook", required=True, help="factbook/factbook.json repository")
    parser.add_argument("--fto", required=True, help=f"samcor33/ostaGIS repository (holds {FTO_PAGE})")
    parser.add_argument("--common-words", required=True, help="common English words, one a line (wamerican)")
    parser.add_argument("--words", required=True, help="a larger English word list (wamerican-large)")
    args = parser.parse_args()

    attack, factbook, fto = Snapshot(args.attack), Snapshot(args.factbook), Snapshot(args.fto)
    words = Words(args.common_words, args.words)
    dropped = []

    groups = attack_groups(attack, words, dropped)
    terrorists = fto_groups(fto, words, dropped)
    factbook_groups(factbook, terrorists, words, dropped)
    groups += terrorists
    resolve_collisions(groups, dropped, "group")
    software = attack_software(attack, words, dropped)
    resolve_collisions(software, dropped, "software")
    states = factbook_states(factbook, words, dropped)
    drop_state_names(groups, states, dropped, "group")
    drop_state_names(software, states, dropped, "software")

    columns = "Columns (tab-separated): name, category, aliases (|-separated), source, word names (|-separated)."
    write(
        os.path.join(HERE, "groups.tsv"),
        [
            "Threat groups and their aliases. Generated by build.py from public sources; see README.md.",
            f"cyber: MITRE ATT&CK Enterprise intrusion sets, https://github.com/mitre/cti {attack.describe()} (see LICENSE-ATTACK.txt).",
            f"terrorist/FTO: CIA World Factbook, Terrorist Organizations (public domain), copy in https://github.com/samcor33/ostaGIS {fto.describe()}.",
            f"terrorist/WFB: CIA World Factbook country profiles (public domain), https://github.com/factbook/factbook.json {factbook.describe()}.",
            columns,
        ],
        record_rows(groups, words),
    )
    write(
        os.path.join(HERE, "software.tsv"),
        [
            "Malware and attacker tools. Generated by build.py from public sources; see README.md.",
            f"MITRE ATT&CK Enterprise software, https://github.com/mitre/cti {attack.describe()} (see LICENSE-ATTACK.txt).",
            columns,
        ],
        record_rows(software, words),
    )
    write(
        os.path.join(HERE, "states.tsv"),
        [
            "States and a few territories that act as states. Generated by build.py; see README.md.",
            f"WFB:xx: CIA World Factbook profile xx (public domain), https://github.com/factbook/factbook.json {factbook.describe()}.",
            "briefsmith: names added by briefsmith (listed in build.py).",
            "Columns (tab-separated): name, official names, other names, demonyms, capitals (each |-separated), source,",
            "word names (|-separated).",
        ],
        sorted(
            (
                (join([s.name]), join(s.fields["official"]), join(s.fields["other"]),
                 join(s.fields["demonyms"]), join(s.fields["capitals"]), s.source,
                 join([n for f in ("official", "other", "capitals") for n in s.fields[f] if words.known(n)]))
                for s in states
            ),
            key=lambda row: (key(row[0]), row[0]),
        ),
    )
    write_attack_licence(attack)
    write_dropped(dropped)
    print(f"groups.tsv: {len(groups)}, software.tsv: {len(software)}, states.tsv: {len(states)}, dropped: {len(dropped)}")


if __name__ == "__main__":
    main()
