"""Checks on the organisation knowledge base, ``pipeline/data/orgs.jsonl``.

The file is package data read by the organisation linker; its format is
described in ``pipeline/data/KB_SOURCES.md``. These tests only read the file
(and, for one test, the seed gold annotations in ../shared).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from dechiffre.pipeline.kb import load_entries, load_lexicon

KB_PATH = Path(__file__).parents[1] / "pipeline/data/orgs.jsonl"

# key -> accepted types (None stands for JSON null)
SCHEMA: dict[str, tuple[type | None, ...]] = {
    "kb_id": (str,),
    "name_fr": (str,),
    "name_en": (str,),
    "acronyms": (list,),
    "variants": (list,),
    "generic_names": (list,),
    "country": (str, None),
    "type": (str,),
    "wikidata": (str, None),
    "case_sensitive": (bool,),
}
TYPES = {
    "igo",
    "eu_body",
    "ngo",
    "ministry",
    "parliament",
    "court",
    "police",
    "military",
    "agency",
    "party",
    "company",
    "media",
    "union",
    "club",
    "armed_group",
    "other",
}
KB_ID_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
WIKIDATA_RE = re.compile(r"^Q[1-9][0-9]*$")

# The 13 identifiers fixed by ../shared/ANNOTATION.md, with the French forms
# its table gives for each (they must be reachable exactly as written).
FIXED_FORMS: list[tuple[str, str]] = [
    ("IOM", "Organisation internationale pour les migrations"),
    ("IOM", "OIM"),
    ("UNODC", "Office des Nations Unies contre la drogue et le crime"),
    ("UNODC", "ONUDC"),
    ("UNHCR", "Haut-Commissariat des Nations Unies pour les réfugiés"),
    ("UNHCR", "HCR"),
    ("UNHCR", "UNHCR"),
    ("UN", "Organisation des Nations unies"),
    ("UN", "Nations unies"),
    ("UN", "ONU"),
    ("EU", "Union européenne"),
    ("EU", "UE"),
    ("FRONTEX", "Frontex"),
    ("FRONTEX", "Agence européenne de garde-frontières et de garde-côtes"),
    ("UNICEF", "Unicef"),
    ("UNICEF", "Fonds des Nations unies pour l'enfance"),
    ("AU", "Union africaine"),
    ("AU", "UA"),
    ("ECOWAS", "Communauté économique des États de l'Afrique de l'Ouest"),
    ("ECOWAS", "Cédéao"),
    ("ICRC", "Comité international de la Croix-Rouge"),
    ("ICRC", "CICR"),
    ("MA_ROYAL_NAVY", "Marine royale"),
    ("MA_ROYAL_NAVY", "Marine royale marocaine"),
    ("MA_INTERIOR", "ministère de l'Intérieur"),
    ("MA_INTERIOR", "ministère marocain de l'Intérieur"),
    ("MA_PARLIAMENT", "Parlement"),
    ("MA_PARLIAMENT", "Parlement marocain"),
]
FIXED_IDS = sorted({kb_id for kb_id, _ in FIXED_FORMS})

# Official names that start with an article (GUIDELINES: the article is part
# of the name). Every other form must not start with one.
ARTICLE_NAMES = {
    "Les Républicains",
    "Les Écologistes",
    "Les Ecologistes",
    "Les Engagés",
    "La France insoumise",
    "La Cimade",
    "Le Monde",
    "Le Figaro",
    "Le Soir",
    "Le Devoir",
    "La Presse",
}
LEADING_ARTICLE = re.compile(r"^(l'|la |le |les |du |des |de la |de l'|d')", re.IGNORECASE)

# Forms claimed as unambiguous by more than one entry, on purpose: the linker
# decides by context. Each one is documented in KB_SOURCES.md.
KNOWN_COLLISIONS = {"pam"}  # WFP (Programme alimentaire mondial) and MA_PAM (party)

# "ministère de l'Intérieur", not "Ministère de l'Intérieur" ("Ministère public"
# is the prosecution service's name and keeps its capital).
MINISTRY_CAPITAL = re.compile(r"^Ministère (de|des|du)\b")

MIN_ENTRIES = 180


def _read_lines() -> list[tuple[int, str]]:
    text = KB_PATH.read_text(encoding="utf-8")
    return [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


@pytest.fixture(scope="module")
def kb() -> list[dict[str, Any]]:
    return [json.loads(line) for _, line in _read_lines()]


@pytest.fixture(scope="module")
def by_id(kb: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {entry["kb_id"]: entry for entry in kb}


def _forms(entry: dict[str, Any]) -> list[str]:
    """Every surface form of an entry, in all four fields."""
    return [entry["name_fr"], *entry["acronyms"], *entry["variants"], *entry["generic_names"]]


def _unambiguous_forms(entry: dict[str, Any]) -> set[str]:
    generic = set(entry["generic_names"])
    forms = {entry["name_fr"], *entry["acronyms"], *entry["variants"]}
    return forms - generic


def test_file_exists_and_ends_with_newline() -> None:
    assert KB_PATH.is_file(), f"missing knowledge base {KB_PATH}"
    assert KB_PATH.read_bytes().endswith(b"\n"), "the file must end with a newline"


def test_every_line_is_a_json_object() -> None:
    errors = []
    for n, line in _read_lines():
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {n}: not JSON ({exc})")
            continue
        if not isinstance(obj, dict):
            errors.append(f"line {n}: expected an object, got {type(obj).__name__}")
    assert not errors, "\n".join(errors)


def test_keys_and_types(kb: list[dict[str, Any]]) -> None:
    errors = []
    for n, entry in enumerate(kb, start=1):
        if set(entry) != set(SCHEMA):
            missing = sorted(set(SCHEMA) - set(entry))
            extra = sorted(set(entry) - set(SCHEMA))
            errors.append(
                f"entry {n} ({entry.get('kb_id')}): missing {missing}, unexpected {extra}"
            )
            continue
        for key, accepted in SCHEMA.items():
            value = entry[key]
            ok = any(value is None if t is None else type(value) is t for t in accepted)
            if not ok:
                errors.append(f"{entry['kb_id']}: {key}={value!r} has the wrong type")
        for key in ("acronyms", "variants", "generic_names"):
            if isinstance(entry[key], list) and not all(isinstance(s, str) for s in entry[key]):
                errors.append(f"{entry['kb_id']}: {key} must hold strings only")
        if entry.get("type") not in TYPES:
            errors.append(f"{entry['kb_id']}: type {entry.get('type')!r} not in {sorted(TYPES)}")
    assert not errors, "\n".join(errors)


def test_kb_ids_unique_and_well_formed(kb: list[dict[str, Any]]) -> None:
    ids = [entry["kb_id"] for entry in kb]
    bad = [i for i in ids if not KB_ID_RE.match(i)]
    assert not bad, f"kb_ids must match {KB_ID_RE.pattern}: {bad}"
    seen: dict[str, int] = defaultdict(int)
    for i in ids:
        seen[i] += 1
    dupes = sorted(i for i, count in seen.items() if count > 1)
    assert not dupes, f"duplicate kb_ids: {dupes}"


def test_enough_entries(kb: list[dict[str, Any]]) -> None:
    assert len(kb) >= MIN_ENTRIES, f"expected at least {MIN_ENTRIES} entries, got {len(kb)}"


@pytest.mark.parametrize("kb_id", FIXED_IDS)
def test_fixed_id_present(kb_id: str, by_id: dict[str, dict[str, Any]]) -> None:
    assert kb_id in by_id, f"fixed kb_id {kb_id} (ANNOTATION.md) is missing"


@pytest.mark.parametrize(("kb_id", "form"), FIXED_FORMS)
def test_fixed_id_reaches_annotation_form(
    kb_id: str, form: str, by_id: dict[str, dict[str, Any]]
) -> None:
    entry = by_id[kb_id]
    assert form in _forms(entry), (
        f"{kb_id}: {form!r} is not in name_fr/acronyms/variants/generic_names"
    )


def test_country_and_id_prefix(kb: list[dict[str, Any]]) -> None:
    errors = []
    countries = {e["country"] for e in kb if e["country"] is not None}
    for entry in kb:
        kb_id, country = entry["kb_id"], entry["country"]
        if country is not None:
            if not COUNTRY_RE.match(country):
                errors.append(f"{kb_id}: country {country!r} is not ISO 3166 alpha-2")
            elif not kb_id.startswith(country + "_"):
                errors.append(
                    f"{kb_id}: a national body's kb_id starts with its country ({country}_)"
                )
        prefix = kb_id.split("_", 1)[0]
        if "_" in kb_id and prefix in countries and country != prefix:
            errors.append(f"{kb_id}: prefix {prefix}_ but country {country!r}")
    assert not errors, "\n".join(errors)


def test_wikidata_ids(kb: list[dict[str, Any]]) -> None:
    bad = [
        (e["kb_id"], e["wikidata"])
        for e in kb
        if e["wikidata"] and not WIKIDATA_RE.match(e["wikidata"])
    ]
    assert not bad, f"wikidata must be null or Q<digits>: {bad}"


def test_acronyms_are_written_in_capitals(kb: list[dict[str, Any]]) -> None:
    bad = [(e["kb_id"], a) for e in kb for a in e["acronyms"] if a != a.upper() or " " in a]
    assert not bad, (
        f"acronyms hold capitals only (put brand forms like 'Frontex' in variants): {bad}"
    )


def test_forms_are_clean(kb: list[dict[str, Any]]) -> None:
    errors = []
    for entry in kb:
        for form in _forms(entry):
            where = f"{entry['kb_id']}: {form!r}"
            if not form or form != form.strip() or "  " in form:
                errors.append(f"{where} has stray whitespace")
            if "\u2019" in form:
                errors.append(f"{where} uses a typographic apostrophe (write ASCII ')")
            if any(ch.isdigit() for ch in form):
                errors.append(f"{where} contains a digit")
            if MINISTRY_CAPITAL.match(form):
                errors.append(
                    f"{where}: French news writes ministries lower-case ('ministère de...')"
                )
    assert not errors, "\n".join(errors)


def test_no_leading_article(kb: list[dict[str, Any]]) -> None:
    bad = [
        (e["kb_id"], form)
        for e in kb
        for form in _forms(e)
        if LEADING_ARTICLE.match(form) and form not in ARTICLE_NAMES
    ]
    assert not bad, f"forms must not start with an article or elision: {bad}"


def test_fields_do_not_repeat_forms(kb: list[dict[str, Any]]) -> None:
    errors = []
    for entry in kb:
        kb_id = entry["kb_id"]
        for key in ("acronyms", "variants", "generic_names"):
            if len(set(entry[key])) != len(entry[key]):
                errors.append(f"{kb_id}: {key} repeats a form")
        if entry["name_fr"] in entry["variants"] or entry["name_fr"] in entry["acronyms"]:
            errors.append(f"{kb_id}: name_fr is repeated in variants/acronyms")
        overlap = set(entry["generic_names"]) & (set(entry["acronyms"]) | set(entry["variants"]))
        if overlap:
            errors.append(f"{kb_id}: {sorted(overlap)} is both generic and unambiguous")
    assert not errors, "\n".join(errors)


def test_ambiguous_forms_are_declared_generic(kb: list[dict[str, Any]]) -> None:
    """A form claimed by two entries must be a generic name in both.

    Otherwise the linker would pick one entry at random for it. Compared
    case-insensitively, as the linker matches names.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    generic_owners: dict[str, set[str]] = defaultdict(set)
    for entry in kb:
        for form in _unambiguous_forms(entry):
            owners[form.casefold()].add(entry["kb_id"])
        for form in entry["generic_names"]:
            generic_owners[form.casefold()].add(entry["kb_id"])
    errors = []
    for form, ids in sorted(owners.items()):
        if len(ids) > 1 and form not in KNOWN_COLLISIONS:
            errors.append(f"{form!r} is unambiguous in several entries: {sorted(ids)}")
        if form in generic_owners:
            generic_ids = sorted(generic_owners[form])
            errors.append(f"{form!r} is generic in {generic_ids} but unambiguous in {sorted(ids)}")
    assert not errors, "\n".join(errors)


def test_known_collisions_still_exist(kb: list[dict[str, Any]]) -> None:
    """Keep KNOWN_COLLISIONS honest: each one really is shared."""
    for form in KNOWN_COLLISIONS:
        ids = [e["kb_id"] for e in kb if form in {f.casefold() for f in _unambiguous_forms(e)}]
        assert len(ids) > 1, (
            f"{form!r} is no longer a collision ({ids}); drop it from KNOWN_COLLISIONS"
        )


@pytest.mark.shared
def test_seed_gold_org_spans_are_reachable(
    shared_dir: Path, by_id: dict[str, dict[str, Any]]
) -> None:
    """Every linked ORG span of the seed gold files is a form of its entry."""
    files = sorted((shared_dir / "seed").glob("*.gold.jsonl"))
    if not files:
        pytest.skip(f"no seed gold files in {shared_dir / 'seed'}")
    errors = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            doc = json.loads(line)
            for span in doc["spans"]:
                kb_id = span.get("kb_id")
                if span["label"] != "ORG" or kb_id is None:
                    continue
                surface = doc["text"][span["start"] : span["end"]].replace("\u2019", "'")
                if kb_id not in by_id:
                    errors.append(f"{path.name}: {surface!r} links to unknown kb_id {kb_id}")
                elif surface.casefold() not in {f.casefold() for f in _forms(by_id[kb_id])}:
                    errors.append(f"{path.name}: {surface!r} is not a form of {kb_id}")
    assert not errors, "\n".join(errors)


def test_known_names_are_not_in_the_knowledge_base() -> None:
    """A name is either a KB entry (linked) or a known name of the lexicon (unlinked), not both."""
    forms = {
        form.lower()
        for entry in load_entries(None)
        for form in (*entry.names, *entry.acronyms, *entry.generic_names)
    }
    assert not [n for n in load_lexicon()["known_names"] if n.lower() in forms]


def test_lexicon_entries_are_not_broken_across_lines() -> None:
    """A name wrapped at a hyphen ("Nouvelle-" / "Zélande") would be two wrong entries."""
    broken = [
        (section, word)
        for section, words in load_lexicon().items()
        for word in words
        if word.startswith("-") or word.endswith("-")
    ]
    assert not broken


@pytest.mark.parametrize(
    "country", ["Nouvelle-Zélande", "Antigua-et-Barbuda", "Sainte-Hélène", "Côte d'Ivoire"]
)
def test_hyphenated_countries_are_whole_entries(country: str) -> None:
    assert country in load_lexicon()["countries"]


@pytest.mark.parametrize(
    "form",
    ["BBC Afrique", "BBC Mundo", "BBC Grands Lacs", "BBC Gahuza", "BBC Russie", "BBC Minute",
     "BBC Food"],
)
def test_bbc_services_link_to_the_bbc(form: str) -> None:
    """A BBC language or regional service is the BBC (gold: "BBC Perse", "BBC News Mundo")."""
    from dechiffre.pipeline.kb import KnowledgeBase

    assert KnowledgeBase(load_entries(None)).resolve(form) == "GB_BBC"


@pytest.mark.parametrize(
    ("form", "kb_id"),
    [
        # usual forms of known bodies that French news writes (KB_SOURCES.md, session 10)
        ("Agence des Nations Unies pour les réfugiés", "UNHCR"),
        ("Haut Commissariat aux Réfugiés", "UNHCR"),
        ("Cour européenne des droits humains", "ECHR"),
        ("Centres américains de contrôle et de prévention des maladies", "US_CDC"),
        ("Armed Conflict Location and Event Data Project", "ACLED"),
        ("Acled", "ACLED"),
        ("Guardian", "GB_GUARDIAN"),
        # ... and session 15
        ("Haut-Commissariat des Nations unies aux réfugiés", "UNHCR"),
        # a soft hyphen or a zero-width space inside a name is no part of it
        ("Union afri\u00adcaine", "AU"),
        ("Organisation mondiale\u200b de la santé", "WHO"),
        # misnomers stay out: they name no body as written
        ("Federal Bureau of Investigations", None),
        ("British National Health System", None),
    ],
)
def test_usual_forms_link_to_their_body(form: str, kb_id: str | None) -> None:
    from dechiffre.pipeline.kb import KnowledgeBase

    assert KnowledgeBase(load_entries(None)).resolve(form) == kb_id


def test_acronyms_link_through_invisible_characters() -> None:
    from dechiffre.pipeline.kb import KnowledgeBase

    kb = KnowledgeBase(load_entries(None))
    assert kb.resolve("O\ufeffMS", acronym=True) == kb.resolve("OMS", acronym=True) == "WHO"
