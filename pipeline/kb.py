"""The organisation knowledge base: loading, lookup and country context.

Pure Python. The default base is package data (``pipeline/data/orgs.jsonl``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

import srsly

from .pipes import CfgPipe

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.training import Example

from .errors import Errors, KnowledgeBaseError

DEFAULT_KB = "orgs.jsonl"
DEFAULT_LEXICON = "org_lexicon.txt"


@dataclass(frozen=True)
class OrgEntry:
    """One organisation of the knowledge base."""

    kb_id: str
    name_fr: str
    name_en: str | None = None
    acronyms: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    generic_names: tuple[str, ...] = ()
    country: str | None = None
    type: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Unambiguous written forms (canonical name unless generic, and variants)."""
        generic = {normalize_name(g) for g in self.generic_names}
        forms = [self.name_fr, *self.variants]
        return tuple(f for f in dict.fromkeys(forms) if f and normalize_name(f) not in generic)

    def to_json(self) -> dict[str, Any]:
        return {
            "kb_id": self.kb_id,
            "name_fr": self.name_fr,
            "name_en": self.name_en,
            "acronyms": list(self.acronyms),
            "variants": list(self.variants),
            "generic_names": list(self.generic_names),
            "country": self.country,
            "type": self.type,
            **self.extra,
        }


# Characters that scraped news text carries inside words and that no name is spelt with: a
# byte order mark, zero-width spaces and joiners, a word joiner, a soft hyphen.
INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"))


def strip_invisible(text: str) -> str:
    """The text without the invisible characters of ``INVISIBLE`` ("O\u200bMS" -> "OMS")."""
    return text.translate(INVISIBLE)


def normalize_name(text: str) -> str:
    """Key for name lookup: lower case, one apostrophe, single spaces, no invisible characters."""
    text = strip_invisible(text).replace("’", "'").replace("\u00a0", " ").lower()
    return re.sub(r"\s+", " ", text).strip()


def _entry_from_json(obj: Any, path: str, line: int) -> OrgEntry:
    if not isinstance(obj, dict):
        raise KnowledgeBaseError(
            Errors.E010.format(line=line, path=path, reason=type(obj).__name__)
        )
    missing = [k for k in ("kb_id", "name_fr") if not isinstance(obj.get(k), str) or not obj.get(k)]
    if missing:
        raise KnowledgeBaseError(
            Errors.E010.format(line=line, path=path, reason=f"missing or empty {missing}")
        )
    known = {
        "kb_id",
        "name_fr",
        "name_en",
        "acronyms",
        "variants",
        "generic_names",
        "country",
        "type",
    }
    for key in ("acronyms", "variants", "generic_names"):
        value = obj.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise KnowledgeBaseError(
                Errors.E010.format(line=line, path=path, reason=f"{key} is not a list of strings")
            )
    return OrgEntry(
        kb_id=obj["kb_id"],
        name_fr=obj["name_fr"],
        name_en=obj.get("name_en"),
        acronyms=tuple(obj.get("acronyms", [])),
        variants=tuple(obj.get("variants", [])),
        generic_names=tuple(obj.get("generic_names", [])),
        country=obj.get("country"),
        type=obj.get("type"),
        extra={k: v for k, v in obj.items() if k not in known},
    )


def read_entries(lines: Iterable[str], path: str) -> list[OrgEntry]:
    """Parse knowledge base JSONL lines; raise on the first bad line."""
    entries: list[OrgEntry] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise KnowledgeBaseError(
                Errors.E010.format(line=number, path=path, reason=f"invalid JSON ({exc.msg})")
            ) from exc
        entry = _entry_from_json(obj, path, number)
        if entry.kb_id in seen:
            raise KnowledgeBaseError(
                Errors.E011.format(
                    path=path, kb_id=entry.kb_id, first=seen[entry.kb_id], line=number
                )
            )
        seen[entry.kb_id] = number
        entries.append(entry)
    return entries


def load_entries(path: str | Path | None = None) -> list[OrgEntry]:
    """Entries from a JSONL file, or the packaged default base."""
    if path is None:
        ref = resources.files(__package__) / "data" / DEFAULT_KB
        return read_entries(
            ref.read_text(encoding="utf-8").splitlines(), f"dechiffre.pipeline/data/{DEFAULT_KB}"
        )
    p = Path(path)
    return read_entries(p.read_text(encoding="utf-8").splitlines(), str(p))


def read_lexicon(lines: Iterable[str]) -> dict[str, frozenset[str]]:
    """Sections of a word-list file: ``[name]`` headers, entries split on spaces, ``#`` comments.

    An ``_`` inside an entry stands for a space ("Maison_Blanche").
    """
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), set())
            continue
        if current is not None:
            current.update(word.replace("_", " ") for word in line.split())
    return {name: frozenset(words) for name, words in sections.items()}


def load_lexicon(path: str | Path | None = None) -> dict[str, frozenset[str]]:
    """The ORG word lists: package data unless a path is given."""
    if path is None:
        text = (resources.files(__package__) / "data" / DEFAULT_LEXICON).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return read_lexicon(text.splitlines())


def inflect_adjectives(words: Iterable[str]) -> frozenset[str]:
    """Masculine singular adjectives with their feminine and plural forms, lower case."""
    out: set[str] = set()
    for word in words:
        base = word.lower()
        suffix = "ne" if base.endswith(("ien", "éen")) else "e"
        fem = base if base.endswith("e") else base + suffix
        for form in (base, fem):
            out.add(form)
            out.add(form if form.endswith(("s", "x")) else form + "s")
    return frozenset(out)


# Country cues: how a document says which country it is about.
COUNTRY_CUES: dict[str, tuple[str, ...]] = {
    "MA": (
        "maroc",
        "marocain",
        "marocaine",
        "marocains",
        "marocaines",
        "rabat",
        "casablanca",
        "tanger",
        "nador",
        "marrakech",
        "agadir",
        "laâyoune",
        "oujda",
        "fès",
        "dirhams",
        "chérifien",
    ),
    "FR": (
        "france",
        "français",
        "française",
        "françaises",
        "paris",
        "marseille",
        "lyon",
        "hexagone",
        "élysée",
        "matignon",
        "beauvau",
    ),
    "BE": ("belgique", "belge", "belges", "bruxelles", "wallonie", "flandre", "anvers", "liège"),
    "CH": (
        "suisse",
        "suisses",
        "berne",
        "genève",
        "lausanne",
        "zurich",
        "helvétique",
        "confédération",
    ),
    "CA": (
        "québec",
        "québécois",
        "québécoise",
        "canada",
        "canadien",
        "canadienne",
        "ottawa",
        "montréal",
    ),
    "SN": ("sénégal", "sénégalais", "sénégalaise", "dakar"),
    "ML": ("mali", "malien", "malienne", "bamako"),
    "CI": ("ivoire", "ivoirien", "ivoirienne", "abidjan"),
    "BF": ("burkina", "burkinabè", "ouagadougou"),
    "NE": ("niger", "nigérien", "nigérienne", "niamey"),
    "MR": ("mauritanie", "mauritanien", "mauritanienne", "nouakchott"),
    "DZ": ("algérie", "algérien", "algérienne", "alger"),
    "TN": ("tunisie", "tunisien", "tunisienne", "tunis"),
    "GN": ("guinée", "guinéen", "guinéenne", "conakry"),
    "TG": ("togo", "togolais", "lomé"),
    "BJ": ("bénin", "béninois", "cotonou"),
    "CM": ("cameroun", "camerounais", "yaoundé", "douala"),
    "GB": (
        "royaume-uni",
        "britannique",
        "britanniques",
        "londres",
        "angleterre",
        "anglaise",
        "écosse",
    ),
    "US": (
        "états-unis",
        "etats-unis",
        "américain",
        "américaine",
        "américains",
        "américaines",
        "washington",
    ),
}
_CUE_TO_COUNTRY = {cue: country for country, cues in COUNTRY_CUES.items() for cue in cues}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def country_scores(text: str) -> dict[str, int]:
    """How often each country is cued in a text."""
    scores: dict[str, int] = {}
    for match in _WORD.finditer(text.lower()):
        country = _CUE_TO_COUNTRY.get(match.group())
        if country:
            scores[country] = scores.get(country, 0) + 1
    return scores


class KnowledgeBase:
    """Lookup of organisations by written form."""

    def __init__(self, entries: Iterable[OrgEntry]) -> None:
        self.entries: dict[str, OrgEntry] = {}
        self.by_name: dict[str, str] = {}
        self.by_acronym: dict[str, list[str]] = {}
        self.generic: dict[str, list[str]] = {}
        for entry in entries:
            self.entries[entry.kb_id] = entry
            for name in entry.names:
                self.by_name.setdefault(normalize_name(name), entry.kb_id)
            for acro in entry.acronyms:
                self.by_acronym.setdefault(acro, []).append(entry.kb_id)
            for generic in entry.generic_names:
                self.generic.setdefault(normalize_name(generic), []).append(entry.kb_id)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[OrgEntry]:
        return iter(self.entries.values())

    def resolve(
        self, form: str, *, countries: dict[str, int] | None = None, acronym: bool = False
    ) -> str | None:
        """The kb_id of a written form in a document with these country cues, or None."""
        countries = countries or {}
        if acronym:
            candidates = self.by_acronym.get(strip_invisible(form), [])
            return self._pick(candidates, countries)
        key = normalize_name(form)
        if key in self.by_name:
            return self.by_name[key]
        return self._pick(self.generic.get(key, []), countries, need_country=True)

    def _pick(
        self, candidates: list[str], countries: dict[str, int], need_country: bool = False
    ) -> str | None:
        if not candidates:
            return None
        if len(candidates) == 1 and not need_country:
            return candidates[0]
        ranked = sorted(
            candidates,
            key=lambda kb: (
                -countries.get(self.entries[kb].country or "", 0),
                candidates.index(kb),
            ),
        )
        best = ranked[0]
        if need_country or len(candidates) > 1:
            country = self.entries[best].country
            if country is None:
                return best if not need_country else None
            top = max(countries.values(), default=0)
            if need_country and countries.get(country, 0) < top:
                return None  # a generic name belongs to the country the text is about
            if countries.get(country, 0) == 0:
                # no cue for any candidate's country: an international body wins, else unknown
                intl = [c for c in candidates if self.entries[c].country is None]
                return intl[0] if intl else None
        return best

    @classmethod
    def default(cls) -> KnowledgeBase:
        return cls(load_entries())


class KBPipe(CfgPipe):
    """A component holding a knowledge base: settings and entries round-trip to disk and bytes."""

    kb: KnowledgeBase | None

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

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        super().to_disk(path, exclude=exclude)
        if self.kb is not None:
            srsly.write_jsonl(Path(path) / "orgs.jsonl", [e.to_json() for e in self.kb])

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Self:
        super().from_disk(path, exclude=exclude)
        path = Path(path)
        if (path / "orgs.jsonl").exists():
            self.set_entries(load_entries(path / "orgs.jsonl"))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        entries = [e.to_json() for e in self.kb] if self.kb else []
        data: bytes = srsly.msgpack_dumps({"cfg": self.cfg, "entries": entries})
        return data

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Self:
        msg = srsly.msgpack_loads(data)
        self.cfg.update(msg["cfg"])
        self.set_entries(read_entries([srsly.json_dumps(e) for e in msg["entries"]], "<bytes>"))
        return self
