"""spaCy component ``dechiffre_org_rules``: ORG candidates from the knowledge base and rules.

It runs before the token classifier and the ORG linker, and talks to them only
through the Doc: its candidates go to ``doc.spans["dechiffre_org_rules"]`` (the
rule that fired in the group's ``sources`` attribute, the kb_id on each span), and
the country context to ``doc._.dechiffre_countries``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, SpanGroup, Token
from spacy.training import Example

from .attributes import doc_countries
from .errors import Errors
from .kb import COUNTRY_CUES, KnowledgeBase, OrgEntry, load_entries

RULES_KEY = "dechiffre_org_rules"

LABEL = "ORG"
LEADING = {"l'", "l’", "la", "le", "les", "du", "des", "d'", "d’", "de", "au", "aux", "à"}
# Head words of institution names; the lower-case ones may start a name in lower case.
LOWER_HEADS = {
    "ministère",
    "armée",
    "armées",
    "gendarmerie",
    "police",
    "marine",
    "garde",
    "tribunal",
    "cour",
    "parquet",
    "parlement",
    "assemblée",
    "sénat",
    "préfecture",
    "douane",
    "douanes",
    "forces",
    "sûreté",
    "brigade",
    "état-major",
}
INSTITUTION_HEADS = LOWER_HEADS | {
    "zone",
    "fonds",
    "centre",
    "comité",
    "administration",
    "bureau",
    "régie",
    "haute",
    "haut",
    "groupement",
    "collectif",
    "syndicat",
    "mouvement",
    "parti",
    "ligue",
    "réseau",
    "organisation",
    "conseil",
    "direction",
    "agence",
    "office",
    "commission",
    "banque",
    "haut-commissariat",
    "inspection",
    "caisse",
    "fédération",
    "confédération",
    "union",
    "association",
    "fondation",
    "secrétariat",
    "délégation",
    "observatoire",
    "institut",
    "autorité",
    "chambre",
    "service",
    "protection",
    "croissant-rouge",
    "croix-rouge",
}
INSTITUTION_ADJ = {
    "royale",
    "royal",
    "nationale",
    "national",
    "fédérale",
    "fédéral",
    "générale",
    "général",
    "centrale",
    "central",
    "européenne",
    "africaine",
    "constitutionnelle",
    "suprême",
    "militaire",
    "civile",
    "régionale",
    "municipale",
    "communale",
    "populaire",
    "islamique",
    "internationale",
    "international",
    "supérieur",
    "supérieure",
    "mondiale",
    "militaires",
    "cantonale",
    "cantonal",
    "provinciale",
    "provincial",
    "fédérales",
    "royaux",
    "armées",
    "auxiliaires",
    "spéciale",
    "judiciaire",
    "pénitentiaire",
    "maritime",
    "côtière",
}
NOT_INSTITUTIONS = {"ministère public", "zone euro", "union monétaire"}
COURT_COMPLEMENTS = {"appel", "cassation", "comptes", "justice", "première", "instance", "sûreté"}
PERSON_TITLES = {
    "ministre",
    "président",
    "présidente",
    "secrétaire",
    "directeur",
    "directrice",
    "porte-parole",
    "chef",
    "cheffe",
    "maire",
    "préfet",
    "gouverneur",
    "ambassadeur",
    "procureur",
    "juge",
    "sénateur",
    "député",
    "commissaire",
    "roi",
    "premier",
}
GENERIC_SINGLE = {
    "cour",
    "union",
    "lutte",
    "constitution",
    "législatives",
    "mondial",
    "trafic",
    "horlogerie",
    "sécurité",
    "santé",
    "justice",
    "défense",
    "centre",
    "zone",
    "gouvernement",
    "état",
    "etat",
    "rapport",
    "ministère",
    "parlement",
    "armée",
    "police",
    "conseil",
    "commission",
    "agence",
    "office",
    "autorités",
    "direction",
    "président",
    "premier",
    "ministre",
    "royaume",
    "république",
    "etat-major",
}
PLACE_WORDS = {cue for cues in COUNTRY_CUES.values() for cue in cues} | {
    "europe",
    "afrique",
    "méditerranée",
    "sahel",
    "maghreb",
    "occident",
    "orient",
    "asie",
    "amérique",
    "espagne",
    "italie",
    "allemagne",
    "libye",
    "égypte",
    "états-unis",
    "ukraine",
    "russie",
    "chine",
    "gaza",
    "israël",
    "iran",
    "turquie",
    "grèce",
    "portugal",
    "londres",
    "madrid",
    "berlin",
    "rome",
    "washington",
    "pékin",
    "moscou",
    "ceuta",
    "melilla",
}
DATELINE = re.compile(r"\A\s*(?P<name>[A-ZÉÈÀÂ][^\n–—]{1,60}?)\s+[–—-]\s+[A-ZÉÈÀÂ][^\n]{0,40}\n")
ACRONYM = re.compile(r"^[A-ZÉÈ][A-Za-zÉÈéè0-9&-]{1,11}$")


@dataclass
class Candidate:
    start: int
    end: int
    kb_id: str | None
    source: str


@Language.factory("dechiffre_org_rules", default_config={"spans_key": RULES_KEY})
def make_org_rules(nlp: Language, name: str, *, spans_key: str) -> OrgRules:
    """Create the ORG rules step (knowledge base names and acronyms, institutions, datelines)."""
    return OrgRules(nlp, name=name, spans_key=spans_key)


class OrgRules(Pipe):
    """Write ORG candidates from the knowledge base and the hand-written rules to ``doc.spans``."""

    def __init__(
        self, nlp: Language, name: str = "dechiffre_org_rules", *, spans_key: str = RULES_KEY
    ) -> None:
        self.nlp = nlp
        self.vocab = nlp.vocab
        self.name = name
        self.cfg: dict[str, Any] = {"spans_key": spans_key}
        self.kb: KnowledgeBase | None = None
        self.name_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cased_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.acronym_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        kb_path: str | None = None,
    ) -> None:
        """Load the knowledge base: package data unless a JSONL path is given."""
        self.set_entries(load_entries(kb_path))

    def set_entries(self, entries: list[OrgEntry]) -> None:
        self.kb = KnowledgeBase(entries)
        self.name_matcher = PhraseMatcher(self.vocab, attr="LOWER")
        self.cased_matcher = PhraseMatcher(self.vocab, attr="ORTH")
        self.acronym_matcher = PhraseMatcher(self.vocab, attr="ORTH")
        make = self.nlp.make_doc
        names: set[str] = set()
        cased: set[str] = set()
        acronyms: set[str] = set()
        for entry in self.kb:
            # names that are also ordinary words ("Le Monde", "Renaissance") match as written
            target = cased if entry.extra.get("case_sensitive") else names
            target.update(entry.names)
            target.update(entry.generic_names)
            for acro in entry.acronyms:
                acronyms.add(acro)
                acronyms.add(acro.upper())

        def both_apostrophes(forms: set[str]) -> list[str]:
            return sorted({v for n in forms for v in (n, n.replace("'", "’"), n.replace("’", "'"))})

        self.name_matcher.add("NAME", [make(f) for f in both_apostrophes(names)])
        self.cased_matcher.add("NAME", [make(f) for f in both_apostrophes(cased)])
        self.acronym_matcher.add("ACRO", [make(a) for a in sorted(acronyms)])


    def __call__(self, doc: Doc) -> Doc:
        if self.kb is None:
            raise ValueError(Errors.E012)
        cands = self.candidates(doc)
        key = self.cfg["spans_key"]
        doc.spans[key] = SpanGroup(
            doc,
            name=key,
            spans=[Span(doc, c.start, c.end, label=LABEL, kb_id=c.kb_id or "") for c in cands],
            attrs={"sources": [c.source for c in cands]},
        )
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    def candidates(self, doc: Doc) -> list[Candidate]:
        """KB names and acronyms, institutions and the dateline source."""
        return self._rule_candidates(doc, doc_countries(doc), doc.text)

    def _rule_candidates(self, doc: Doc, countries: dict[str, int], text: str) -> list[Candidate]:
        """KB names and acronyms, institutions and the dateline source."""
        assert self.kb is not None
        kb = self.kb
        cands: list[Candidate] = []
        for _, start, end in [*self.name_matcher(doc), *self.cased_matcher(doc)]:
            kb_id = kb.resolve(doc[start:end].text, countries=countries)
            cands.append(Candidate(start, end, kb_id, "kb"))
        for _, start, end in self.acronym_matcher(doc):
            acronym = doc[start:end].text
            kb_id = kb.resolve(acronym, countries=countries, acronym=True)
            if kb_id is None:
                kb_id = kb.resolve(acronym.title(), countries=countries, acronym=True)
            cands.append(Candidate(start, end, kb_id, "kb"))
        cands.extend(self._institutions(doc, countries))
        cands.extend(self._dateline(doc, countries, text))
        return cands

    def _institutions(self, doc: Doc, countries: dict[str, int]) -> list[Candidate]:
        """Named bodies by their head word: 'armée malienne', 'Office fédéral du logement'."""
        assert self.kb is not None
        out: list[Candidate] = []
        for tok in doc:
            head = tok.lower_
            capital = tok.text[:1].isupper()
            if head not in INSTITUTION_HEADS or (not capital and head not in LOWER_HEADS):
                continue
            end = _extend_institution(doc, tok.i, capital=capital)
            if end is None:
                continue
            span = doc[tok.i : end]
            if span.text.lower() in NOT_INSTITUTIONS:
                continue
            kb_id = self.kb.resolve(span.text, countries=countries)
            out.append(Candidate(tok.i, end, kb_id, "institution"))
        return out

    def _dateline(self, doc: Doc, countries: dict[str, int], text: str) -> list[Candidate]:
        """A source name before a city on the first line: 'Drapeau électronique – Rabat'."""
        assert self.kb is not None
        match = DATELINE.match(text)
        if not match:
            return []
        span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
        if (
            span is None
            or span.text.lower() in PLACE_WORDS
            or (span.text.isupper() and len(span) == 1 and span.text.lower() in PLACE_WORDS)
        ):
            return []
        kb_id = self.kb.resolve(span.text, countries=countries)
        return [Candidate(span.start, span.end, kb_id, "dateline")]


    # -- serialisation -------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg.json", self.cfg)
        if self.kb is not None:
            srsly.write_jsonl(path / "orgs.jsonl", [e.to_json() for e in self.kb])

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> OrgRules:
        path = Path(path)
        if (path / "cfg.json").exists():
            self.cfg.update(srsly.read_json(path / "cfg.json"))
        if (path / "orgs.jsonl").exists():
            self.set_entries(load_entries(path / "orgs.jsonl"))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        entries = [e.to_json() for e in self.kb] if self.kb else []
        data: bytes = srsly.msgpack_dumps({"cfg": self.cfg, "entries": entries})
        return data

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> OrgRules:
        msg = srsly.msgpack_loads(data)
        self.cfg.update(msg["cfg"])
        lines = [srsly.json_dumps(e) for e in msg["entries"]]
        from .kb import read_entries

        self.set_entries(read_entries(lines, "<bytes>"))
        return self




def trim_leading(doc: Doc, start: int, end: int) -> int:
    """Move ``start`` past leading articles and elisions ("l'", "la", "du"...)."""
    while (
        start < end - 1
        and doc[start].lower_ in LEADING
        and not doc[start].text.startswith("Les")
    ):
        start += 1
    return start


CONNECTORS = {"de", "du", "des", "d'", "d’", "à", "aux", "au", "pour", "contre", "sur", "en", "et"}
DETS = {"la", "l'", "l’", "le", "les"}
PLACE_HEADS = {
    "tribunal",
    "cour",
    "parquet",
    "préfecture",
    "service",
    "zone",
    "police",
    "parlement",
}
MAX_INSTITUTION = 16


def _is_adj(tok: Token) -> bool:
    low = tok.lower_
    return low in INSTITUTION_ADJ or _nationality(low) or (tok.pos_ == "ADJ" and tok.is_lower)


def _extend_institution(doc: Doc, start: int, *, capital: bool) -> int | None:
    """End of an institution name starting at its head word, or None when unqualified.

    A capitalised head ('Office', 'Autorité') takes lower-case complements
    ('fédéral du logement'); a lower-case head ('ministère', 'armée') needs an
    adjective or a capitalised complement ('de l'Intérieur').
    """
    n = len(doc)
    head = doc[start].lower_
    i = start + 1
    qualified = False
    while i < n and _is_adj(doc[i]) and not doc[i].is_punct:
        i += 1
        qualified = True
    while i < n and i - start < MAX_INSTITUTION:
        j = i
        if doc[j].lower_ not in CONNECTORS:
            break
        if doc[j].lower_ == "et":
            j += 1
            if j >= n or doc[j].lower_ not in CONNECTORS - {"et"}:
                break
        j += 1
        while j < n and doc[j].lower_ in DETS:
            j += 1
        if j >= n:
            break
        word = doc[j]
        content = word.pos_ in {"NOUN", "PROPN", "ADJ", "X"} and not word.is_digit
        if (word.is_punct or not content) and not (word.text[:1].isupper() and word.is_alpha):
            break
        is_cap = word.text[:1].isupper()
        if word.lower_ in PLACE_WORDS or (is_cap and word.ent_type_ in {"LOC", "GPE"}):
            if doc[i].lower_ not in {"de", "du", "d'", "d’"}:
                break  # 'au Maroc', 'en France' locate, they do not name
            if not capital and head not in PLACE_HEADS and not qualified:
                break
        elif not is_cap and not capital and head not in {"tribunal", "cour"}:
            break
        i = j + 1
        while (
            i < n
            and not doc[i].is_punct
            and (doc[i].text[:1].isupper() or _is_adj(doc[i]) or doc[i].lower_ in COURT_COMPLEMENTS)
            and doc[i].lower_ not in CONNECTORS
        ):
            i += 1
        qualified = True
    if not qualified:
        return None
    while i - 1 > start and doc[i - 1].lower_ in CONNECTORS | DETS:
        i -= 1
    return i


def _nationality(word: str) -> bool:
    return word.endswith(
        (
            "aine",
            "ain",
            "aise",
            "ais",
            "ienne",
            "ien",
            "oise",
            "ois",
            "ique",
            "ane",
            "èque",
            "gne",
            "ite",
        )
    ) and word not in {
        "certain",
        "certaine",
        "prochain",
        "prochaine",
        "mais",
        "jamais",
        "moins",
        "fois",
        "ancien",
        "ancienne",
        "bien",
        "rien",
        "lien",
        "quotidien",
        "quotidienne",
        "anglais",
        "politique",
        "publique",
        "public",
        "technique",
        "économique",
        "pratique",
        "unique",
        "critique",
        "logique",
        "mois",
        "chinoise",
        "trois",
        "voisine",
        "choix",
        "avait",
        "était",
        "huit",
        "suite",
    }


def plausible_org(span: Span) -> bool:
    """Reject NER ORGs that are places, generic words, lower-case phrases or too long."""
    text = span.text.strip()
    low = text.lower()
    if not text or len(span) > 12:
        return False
    if not any(ch.isupper() for ch in text):
        return False
    if low in PLACE_WORDS or low in GENERIC_SINGLE:
        return False
    first = span[0]
    if first.lower_ in GENERIC_SINGLE and len(span) == 1:
        return False
    if len(text) < 2 or first.lower_ in PERSON_TITLES:
        return False
    if first.pos_ in {"VERB", "ADV", "PRON", "NUM", "PUNCT"}:
        return False
    return not all(t.lower_ in PLACE_WORDS or t.is_punct for t in span)
