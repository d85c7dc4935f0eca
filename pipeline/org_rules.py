"""spaCy component ``dechiffre_org_rules``: ORG candidates from the knowledge base and rules.

It runs before the token classifier and the ORG linker, and talks to them only
through the Doc: its candidates go to ``doc.spans["dechiffre_org_rules"]`` (the
rule that fired in the group's ``sources`` attribute, the kb_id on each span), and
the country context to ``doc._.dechiffre_countries``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, SpanGroup, Token

from .attributes import doc_countries
from .doc_arrays import positions, string_ids
from .errors import Errors
from .kb import (
    COUNTRY_CUES,
    KBPipe,
    KnowledgeBase,
    OrgEntry,
    inflect_adjectives,
    load_lexicon,
)
from .numbers.lexicon import CHANNEL_CODE_RE
from .org_linker_words import NAMING_PARTICIPLES

RULES_KEY = "dechiffre_org_rules"

LABEL = "ORG"
SENTENCE_MARKS = (".", "!", "?", ":", ";", "»", '"')
LEADING = {"l'", "l’", "la", "le", "les", "du", "des", "d'", "d’", "de", "au", "aux", "à"}
OF = frozenset({"de", "d'", "d’"})
OF_OR_TO = OF | {"à"}
OF_OR_DU = OF | {"du"}
# Capitalised prepositions that start a name of Dutch or French family origin ("De Beers").
NAME_PARTICLES = {"De", "Du"}
# Head words of institution names; the lower-case ones may start a name in lower case.
LOWER_HEADS = {
    "ministère",
    "armée",
    "armées",
    "gendarmerie",
    "police",
    "marine",
    "garde",
    "garde-côtes",
    "gardes-côtes",
    "garde-frontières",
    "gardes-frontières",
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
    "ordre",
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
    "groupe",
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
    "services",
    "protection",
    "croissant-rouge",
    "croix-rouge",
    "bourse",
    "légion",
    # capitalised only: "Instituts nationaux de la santé", "Collège vétérinaire royal"
    "instituts",
    "collège",
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
LEXICON = load_lexicon()
NATIONALITIES = inflect_adjectives(LEXICON["nationalities"])
WEAK_HEADS = {w.lower() for w in LEXICON["weak_heads"]}
LOWER_HEADS |= WEAK_HEADS
INSTITUTION_HEADS |= WEAK_HEADS
BODY_ADJECTIVES = {w.lower() for w in LEXICON["body_adjectives"]}
NAMING_ADJECTIVES = inflect_adjectives(LEXICON["naming_adjectives"])
LEADER_ADJECTIVES = inflect_adjectives(LEXICON["leader_adjectives"])
NON_BODY_ACRONYMS = LEXICON["non_body_acronyms"]
NON_BODY_HEADS = {w.lower() for w in LEXICON["non_body_heads"]}
NON_BODY_NAMES = {w.lower() for w in LEXICON["non_body_names"]}
NON_BODY_TAILS = LEXICON["non_body_tails"]
GROUP_NOUNS = {w.lower() for w in LEXICON["group_nouns"]}
MEDIA_CUES = {w.lower() for w in LEXICON["media_cues"]}
COMPANY_CUES = {w.lower() for w in LEXICON["company_cues"]}
TRADE_CUES = {w.lower() for w in LEXICON["trade_cues"]}
COMPANY_ROLES = {w.lower() for w in LEXICON["company_roles"]}
SPEAKER_ROLES = {w.lower() for w in LEXICON["speaker_roles"]}
# Last words of the roles of several words: only after one is a longer role looked for.
ROLE_LAST_WORDS = {w.split()[-1] for w in COMPANY_ROLES | SPEAKER_ROLES if " " in w}
# What a news site is "of" in the media cue "site d'information" ("le site d'actualités X").
SITE_KINDS = {"information", "informations", "actualité", "actualités", "investigation"}
KIND_PLURALS = {w.lower() for w in LEXICON["kind_plurals"]}
BROADCAST_SUFFIXES = LEXICON["broadcast_suffixes"]
# The words that start rules cue after a role, in a list and a station, as string hashes: one
# integer lookup per token finds them ("de" after a role, "chez", a plural kind noun, "FM").
ROLE_OR_LIST_LOWS = string_ids(OF_OR_DU | KIND_PLURALS | {"chez"})
STATION_ORTHS = string_ids(BROADCAST_SUFFIXES)
# Sources of candidates that make a list of bare names a list of bodies (rule list mates), and
# the most names such a list is read for.
MATE_SOURCES = {"kb", "gazetteer", "cue", "english"}
# Rules that name a body, whose name ends a sub-unit's description (rule sub_unit).
NAMED_SOURCES = MATE_SOURCES | {"club", "club_prefix", "team"}
# Sources of names that take a country adjective after them (rule national)
NATIONAL_SOURCES = {"kb", "organ"}
# Candidates whose name a country may follow as a national branch, and the kinds of body.
SUBSIDIARY_SOURCES = {"kb", "gazetteer"}
SUBSIDIARY_KINDS = {"company", "media"}
# "Croix-Rouge", "Croissant-Rouge" (rule national_society)
SOCIETY_HEAD_IDS = string_ids({"Croix", "Croissant"})
MAX_LIST = 12
# Cue nouns that also name a kind of place: after them, a name the NER reads as a place is one.
PLACE_CUES = {"chaîne", "chaînes"}
# Lower-case words a media or company noun may take before the name: "l'entreprise familiale de
# livraison de vin X" (adjectives and complements with "de").
MAX_CUE_WORDS = 6
# Words between a plural kind noun and its list of names: "des entreprises comme X",
# "des sociétés telles que X".
LIST_OPENERS = {"comme", "telles", "tels", "que", "dont", ":"}
PLURAL_DETS = {"les", "des", "ces", "aux", "plusieurs", "certaines", "nombreuses", "autres"}
# Trades whose workplace follows "chez" ("analyste chez X"), and the verb that does the same.
WORKS_AT = "travailler"
ENGLISH_HEADS = LEXICON["english_heads"]
CITY_NAMED_HEADS = LEXICON["city_named_heads"]
ENGLISH_FUNCTION = LEXICON["english_function_words"]
PERSON_CUES = LEXICON["person_cues"]
SPEECH_VERBS = LEXICON["speech_verbs"]
SPORT_CUES = {w.lower() for w in LEXICON["sport_cues"]}
CLUB_SHORT_NAMES = LEXICON["club_short_names"]
CLUB_PREFIXES = LEXICON["club_prefixes"]
CLUB_SUFFIXES = LEXICON["club_suffixes"]
PLATFORMS = LEXICON["platforms"]
PRODUCT_MAKERS = LEXICON["product_makers"]
DEVICE_MAKERS = LEXICON["device_makers"]
LEAGUES = LEXICON["leagues"]
NON_NAMES = LEXICON["non_names"]
THING_NOUNS = {w.lower() for w in LEXICON["thing_nouns"]}
HISTORICAL_STATES = {w.lower() for w in LEXICON["historical_states"]}
FACILITY_TAILS = LEXICON["facility_tails"]
CLAUSE_PARTICIPLES = {w.lower() for w in LEXICON["clause_participles"]}
CAPITALISED_NOUNS = LEXICON["capitalised_nouns"]
# Words after a participle that make it open a clause: an agent, a place, a time, a purpose.
CLAUSE_OPENERS = {"par", "à", "au", "aux", "en", "dans", "sur", "avec", "pour", "depuis", "contre",
                  "selon", "lors", "après", "avant", "dès", "comme", "afin"}
# Pronouns written after a verb with a hyphen ("Excusez-moi", "dit-il").
HYPHEN_CLITICS = frozenset(
    "moi toi nous vous le la les lui leur en y t il elle ils elles on je tu".split()
)
# Words after a group noun that make it a set of people: "les Peuls, un groupe ethnique".
NOT_BODY_KINDS = {"ethnique", "ethniques", "linguistique", "sanguin", "d'âge", "d’âge",
                  "civile", "civiles"}  # "la société civile" is no company
# A text is about sport when it uses this many different sport words.
SPORT_MIN_CUES = 3
# How many sentences away a club's short name may be from a sport word.
SPORT_REACH = 1
# Last words of a competition's name: "buteur de la Premier League" names no club (RN8).
COMPETITION_WORDS = {"League", "Ligue", "Liga", "Cup", "Coupe", "Championship"}
# Court heads: with only a country adjective they describe a court, they do not name one.
COURT_HEADS = {"tribunal", "tribunaux", "cour", "cours"}
# Heads of a research or trade body's kind: with a country adjective and a name after it, the
# name is the body ("l'institut de recherche français X").
KIND_HEADS = {"institut", "centre", "laboratoire", "groupe", "fonds", "agence", "organisation"}
# Rules that find clubs (a sentence with one of them is about sport).
CLUB_RULES = {"club", "club_prefix", "team", "club_cue"}
# Cue words of rule club_cue: verbs (lemmas) with the club as object, verbs with "pour"/"à",
# nouns with "de" (RN1); "contre X" and "le club (danois) X" are cues too.
CLUB_CUES = {w.lower() for w in LEXICON["club_cues"]}
CLUB_CUES_TO = {w.lower() for w in LEXICON["club_cues_to"]}
CLUB_CUES_OF = {w.lower() for w in LEXICON["club_cues_of"]}


def fold(text: str) -> str:
    """Lower case without accents, straight apostrophes: "Érythrée" and "Erythree" alike."""
    text = unicodedata.normalize("NFD", text.lower().replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


COUNTRIES = {fold(w) for w in LEXICON["countries"]}
CAMPUS_SYSTEMS = {fold(w) for w in LEXICON["campus_systems"]}
KIND_NOUNS = COMPANY_CUES | MEDIA_CUES
# Nouns of a kind of body that a naming participle gives a name ("un groupe de recherche
# appelé X", rule named_kind); thing nouns ("un programme appelé X") are left out, and so is
# a platform, whose new name is its product ("une plateforme similaire appelée X", RN2).
NAMING_KINDS = (KIND_NOUNS | GROUP_NOUNS | {w.lower() for w in LEXICON["naming_kinds"]}) - (
    THING_NOUNS | {"plateforme", "plateformes"}
)
NAMING_PARTICIPLE_IDS = string_ids(NAMING_PARTICIPLES)
# Quote marks around a name given by a naming participle, and the most words inside them.
NAME_QUOTES = {'"', "«", "»", "“", "”", "''", "'"}
MAX_QUOTED_NAME = 8
# Participles (lemmas) that give a company's seat: "une entreprise basée à Boston, X,".
SEAT_PARTICIPLES = {"baser", "installer", "implanter", "situer", "établir", "domicilier"}
# Determiners of a kind noun whose name follows between commas: "une entreprise ..., X,", and
# one's own firm: "sa société de capital-risque, X,".
APPOSED_DETS = {"un", "une", "sa", "son", "leur"}
INFRASTRUCTURE_ADJ = inflect_adjectives(LEXICON["infrastructure_adjectives"])
# Lower-case heads of a description put before or beside a body's name: "l'agence américaine X",
# "le syndicat des acteurs américains, la X Guild" (the name alone is ORG, RN11).
DESCRIBING_HEADS = KIND_NOUNS | {"agence", "syndicat"}
# doc.user_data key where is_sport_text keeps its answer
SPORT_KEY = "dechiffre_sport_text"
# Words before a club's short name that make it the town: "né à Lille", "en Lorraine".
# Place names of several words ("Côte d'Ivoire"), lower case; a name may take all of them.
MULTIWORD_PLACES = {w.lower().replace("’", "'") for w in LEXICON["multiword_places"]}
MAX_PLACE_WORDS = 6
LOCATIVES = {"né", "née", "nés", "originaire", "originaires", "habitant", "habitants", "ville",
             "région", "près", "dans", "vers", "en", "quartier", "banlieue", "capitale", "port",
             "autour", "environs",
             # a life event or a place noun before "à"/"de": "mort à Metz", "cimetière de Monaco"
             "mort", "morte", "meurt", "décédé", "décédée", "inhumé", "inhumée", "enterré",
             "hospitalisé", "hospitalisée", "vit", "vivait", "habite", "réside", "installé",
             "installée", "cimetière", "course", "étape", "circuit", "aéroport", "gare",
             "province", "université", "hôpital", "diocèse", "bataille", "siège", "traité",
             "oblast", "voblast", "département", "comté", "canton", "mairie", "maire", "évêque",
             "archevêque", "duc", "comte", "prince", "roi", "marathon", "tournoi", "épisode"}
# Words before the title of a work: "un livre intitulé Lack of Resources", "le titre X".
WORK_TITLE_CUES = {"intitulé", "intitulée", "intitulés", "intitulées", "titre", "livre", "album",
                   "film", "série", "roman", "chanson"}
# Determiners before a team's nickname: "les Lakers de Los Angeles", "aux Fennecs d'Algérie".
TEAM_DETS = {"les", "des", "aux", "le", "du", "au", "l'", "l’"}
# Capitalised organ nouns that name one body when used alone after a determiner (RN12).
ORGAN_NOUNS = {"Cour", "Congrès", "Sénat", "Parlement", "Fondation", "Commission", "Conseil",
               "Confédération", "Chambre", "Fonds", "Trésor"}
# Organ nouns that name a body only with their country adjective ("le Trésor américain").
COUNTRY_ORGANS = {"Trésor"}
# Heads whose "du" + organ noun is a portfolio, not the organ ("le département du Trésor",
# "le secrétaire du Trésor").
PORTFOLIO_HEADS = {"département", "ministère", "secrétariat", "ministre", "secrétaire"}
ORGAN_DETS = {"la", "le", "l'", "l’", "du", "au", "cette", "ce"}
# The words the scans of institutions, kind nouns, organs and leagues start at, as string ids.
INSTITUTION_HEAD_IDS = string_ids(INSTITUTION_HEADS)
KIND_NOUN_IDS = string_ids(KIND_NOUNS)
ORGAN_NOUN_IDS = string_ids(ORGAN_NOUNS)
LEAGUE_IDS = string_ids(LEAGUES)
DEFINING_KINDS = {w.lower() for w in LEXICON["defining_kinds"]}
DEFINING_KIND_IDS = string_ids(DEFINING_KINDS)
APPOSED_KIND_IDS = string_ids(KIND_PLURALS | KIND_NOUNS)  # _one_of_kind, or a kind noun
# "start-up", "agence de presse"
CUED_NAME_IDS = string_ids(KIND_NOUNS | TRADE_CUES | {"up", "agence", "site"})
# Two-word heads: "Haute Cour", "Haut Conseil", "Haute Autorité".
HIGH = {"haute", "haut"}
NOT_INSTITUTIONS = {"ministère public", "zone euro", "union monétaire"}
COURT_COMPLEMENTS = {"appel", "cassation", "comptes", "justice", "première", "instance", "sûreté"}
PERSON_TITLES = {
    "ministre",
    "vice-ministre",
    "président",
    "présidente",
    "vice-président",
    "vice-présidente",
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
    "football",
    "sport",
    "sports",
    "match",
    "cinéma",
    "musique",
    "entreprise",
    "entrepreneure",
    "entrepreneur",
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


class OrgRules(KBPipe):
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
        self.digit_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        digit_names = sorted(LEXICON["names_with_digits"])
        self.digit_matcher.add("DIGIT", [nlp.make_doc(f) for f in digit_names])
        self.known_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        known = sorted({v for n in LEXICON["known_names"] for v in (n, n.replace("'", "’"))})
        self.known_matcher.add("KNOWN", [nlp.make_doc(f) for f in known])

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
            for generic in entry.generic_names:
                # a capitalised one-word generic name ("Parlement") names the body only as
                # written; the bare lower-case noun is not ORG
                one_word = " " not in generic and generic[:1].isupper()
                (cased if one_word else target).add(generic)
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
        for _, start, end in self.digit_matcher(doc):
            kb_id = kb.resolve(doc[start:end].text, countries=countries)
            cands.append(Candidate(start, end, kb_id, "gazetteer"))
        for _, start, end in self.known_matcher(doc):
            if not _inside_longer_name(doc, start, end) and not _model_number(doc, end):
                kb_id = kb.resolve(doc[start:end].text, countries=countries)
                cands.append(Candidate(start, end, kb_id, "gazetteer"))
        cands.extend(self._institutions(doc, countries))
        cands.extend(self._organs(doc, countries))
        cands.extend(self._english_names(doc))
        cands.extend(self._national_names(doc, countries, cands))
        cands.extend(self._subsidiaries(doc, cands))
        cands.extend(self._national_societies(doc, countries))
        cands.extend(self._cued_names(doc, countries))
        triggers = [
            doc[i]
            for i in sorted(
                {*positions(doc, LOWER, ROLE_OR_LIST_LOWS), *positions(doc, ORTH, STATION_ORTHS)}
            )
        ]
        cands.extend(self._led_names(doc, countries, triggers))
        cands.extend(self._listed_names(doc, countries, triggers))
        cands.extend(self._stations(doc, countries, triggers))
        cands.extend(self._apposed_names(doc, countries))
        cands.extend(self._placed_names(doc, countries))
        cands.extend(self._named_kinds(doc, countries))
        cands.extend(self._defined_names(doc, countries))
        cands.extend(self._dateline(doc, countries, text))
        cands.extend(self._list_mates(doc, countries, cands))
        if is_sport_text(doc):
            clubs = self._clubs(doc, countries)
            others = [*cands, *clubs]
            cands.extend(
                c
                for c in clubs
                if not town_after_a(doc, c, others, kb) and not far_from_sport(doc, c, others, kb)
            )
        return _sub_units(doc, cands)

    def _national_names(
        self, doc: Doc, countries: dict[str, int], cands: list[Candidate]
    ) -> list[Candidate]:
        """Rule national: a capitalised organ noun, which needs its country to name one body,
        takes the country adjective right after it ("le Congrès uruguayen", as "le Parlement
        uruguayen"); a name of its own does not ("la Guardia Civil espagnole")."""
        assert self.kb is not None
        out: list[Candidate] = []
        seen: set[tuple[int, int]] = set()
        n = len(doc)
        for cand in cands:
            end = cand.end
            if (
                (cand.start, end) not in seen
                and cand.source in NATIONAL_SOURCES
                and end - cand.start == 1
                and doc[cand.start].text in ORGAN_NOUNS
                and end < n
                and doc[cand.start].text[:1].isupper()
                and doc[end].is_lower
                and is_nationality(doc[end])
                and doc[end - 1].whitespace_
            ):
                kb_id = self.kb.resolve(doc[cand.start : end + 1].text, countries=countries)
                out.append(Candidate(cand.start, end + 1, kb_id, "national"))
                seen.add((cand.start, end))
        return out

    def _subsidiaries(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """Rule subsidiary: a company known by name followed by a country's name, with no word
        between, is its national branch, one body of its own ("MTN Nigeria", "Orange Maroc
        a investi"); its kb_id is left empty, the branch is not the group."""
        assert self.kb is not None
        out: list[Candidate] = []
        for cand in cands:
            if cand.source not in SUBSIDIARY_SOURCES or (
                cand.kb_id is not None and self.kb.entries[cand.kb_id].type not in SUBSIDIARY_KINDS
            ):
                continue
            size = _country_after(doc, cand.end)
            if size:
                out.append(Candidate(cand.start, cand.end + size, None, "subsidiary"))
        return out

    def _national_societies(self, doc: Doc, countries: dict[str, int]) -> list[Candidate]:
        """Rule national_society: the Red Cross or Red Crescent, written in one hyphenated
        word, with the adjective of its country's society when one follows ("la Croix-Rouge
        suisse", "le Croissant-Rouge algérien", "selon la Croix-Rouge")."""
        assert self.kb is not None
        out: list[Candidate] = []
        n = len(doc)
        for i in positions(doc, ORTH, SOCIETY_HEAD_IDS):
            if not (
                i + 2 < n
                and doc[i + 1].text == "-"
                and doc[i + 2].text == "Rouge"
                and not doc[i].whitespace_
                and not doc[i + 1].whitespace_
            ):
                continue
            end = i + 3
            if end < n and doc[end].is_lower and is_nationality(doc[end]):
                end += 1
            kb_id = self.kb.resolve(doc[i:end].text, countries=countries)
            out.append(Candidate(i, end, kb_id, "national"))
        return out

    def _list_mates(
        self, doc: Doc, countries: dict[str, int], cands: list[Candidate]
    ) -> list[Candidate]:
        """Rule cue, list mates: in a list of bare names ("X, Y et Z") where two or more are
        bodies the rules know (a knowledge-base or gazetteer name, a cued or English name), the
        other names are bodies of the same kind ("Zorvia, TalkTalk, Vodafone et Tesco")."""
        assert self.kb is not None
        known = {c.start: c.end for c in cands if c.source in MATE_SOURCES}
        if len(known) < 2:
            return []
        taken = [False] * len(doc)
        for c in cands:
            taken[c.start : c.end] = [True] * (c.end - c.start)
        out: list[Candidate] = []
        seen: set[int] = set()
        for start in sorted(known):
            if start in seen:
                continue
            items = _list_around(doc, start, known[start], known)
            seen.update(a for a, _ in items)
            if sum(a in known and known[a] == b for a, b in items) < 2:
                continue
            for a, b in items:
                if any(taken[a:b]):
                    continue
                span = doc[a:b]
                if (
                    span.text.lower() in PLACE_WORDS
                    or fold(span.text) in COUNTRIES
                    or span.text.lower() in NON_BODY_NAMES
                    or span[0].lower_ in LEADING
                    or span[0].text in PERSON_CUES
                    or (len(span) == 1 and span[0].is_stop)
                    or span.text.endswith(".")  # "AT&T." where the tokenizer kept the stop
                    or (b < len(doc) and doc[b].text[:1] in {"'", "’"})  # "McDonald' s"
                    or span.text in PLATFORMS  # the linker reads platforms by their use (RN2)
                    or _person_words(doc, span)
                ):
                    continue  # "Google, Meta et Londres": a place; "X, Y et Jean Z": a person
                kb_id = self.kb.resolve(span.text, countries=countries)
                out.append(Candidate(a, b, kb_id, "cue"))
        return out

    def _clubs(self, doc: Doc, countries: dict[str, int]) -> list[Candidate]:
        """Club names in a text about sport (RN1): 'Lille', 'JS Kabylie', 'Norwich City'."""
        assert self.kb is not None
        out: list[Candidate] = []
        n = len(doc)
        out.extend(self._nicknamed_teams(doc, countries))
        out.extend(self._cued_clubs(doc, countries))
        for tok in doc:
            i = tok.i
            prev_cap = (
                i > 0
                and _cap_word(doc[i - 1])
                and doc[i - 1].lower_ not in LEADING  # "Le Real a acheté": an article
                and not tok.is_sent_start
                and not is_nationality(doc[i - 1])  # "l'Espagnol Rayo Vallecano"
            )
            if tok.text in CLUB_PREFIXES and not prev_cap and i + 1 < n and _name_word(doc[i + 1]):
                end = i + 1
                while end < n and end - i < 4 and _name_word(doc[end]):
                    end += 1  # "AS Vita Club", "Real Sociedad"
                kb_id = self.kb.resolve(doc[i:end].text, countries=countries)
                out.append(Candidate(i, end, kb_id, "club_prefix"))
            elif tok.text in CLUB_SUFFIXES and i > 0 and _name_word(doc[i - 1]):
                start = i - 1
                while start > 0 and i - start < 3 and _name_word(doc[start - 1]):
                    start -= 1  # "Sheffield United", "Kansas City Chiefs"
                end = i + 1
                while end < n and end - start < 4 and _name_word(doc[end]):
                    end += 1
                if doc[start].text in CLUB_PREFIXES:
                    continue  # the prefix rule has it
                kb_id = self.kb.resolve(doc[start:end].text, countries=countries)
                out.append(Candidate(start, end, kb_id, "club"))
            elif (
                tok.text in CLUB_SHORT_NAMES
                and not prev_cap
                and not (i + 1 < n and _name_word(doc[i + 1]))
                and not located(doc, i)
                and not _inside_name(doc, i)
                and not before_place(doc, i)
            ):
                out.append(Candidate(i, i + 1, None, "club"))
        return out

    def _cued_clubs(self, doc: Doc, countries: dict[str, int]) -> list[Candidate]:
        """Rule club_cue: in a text about sport, a bare capitalised name right after a club cue
        is a club (RN1): "il joue pour X", "a rejoint X", "les supporters de X", "battre X",
        "contre X", "le club danois X", "le club de MLS X" (the league qualifies, RN8)."""
        assert self.kb is not None
        out: list[Candidate] = []
        n = len(doc)
        persons: set[str] | None = None
        for tok in doc:
            low = tok.lower_
            i = tok.i + 1
            person_ok = False
            cue_of = low in CLUB_CUES_OF or _midfield(doc, tok.i)
            if cue_of and i < n and doc[i].lower_ in OF_OR_DU:
                i += 1  # "les supporters de X", "l'attaquant du X", "milieu de terrain de X"
                if doc[i - 1].lower_ in OF and i < n and doc[i].lower_ in {"l'", "l’", "la"}:
                    i += 1  # "les supporters de l'X"
                    if i < n and doc[i - 1].lower_ == "la" and doc[i].ent_type_ == "LOC":
                        continue  # "l'entraîneur de la Guinée": a country is its team (RN1)
            elif (
                tok.i > 0
                and (low == "pour" or (low == "à" and not _verb_of(doc[tok.i - 1], {"jouer"})))
                and _verb_of(doc[tok.i - 1], CLUB_CUES_TO)
            ) or _verb_of(tok, CLUB_CUES) or low == "contre":
                pass  # "joué à Radès" is where the match was
            elif low == "club" or (low == "équipe" and i + 1 < n and doc[i].lower_ in OF
                                   and doc[i + 1].text in LEAGUES):
                while i < n and is_nationality(doc[i]):
                    i += 1  # "le club danois X"
                if i + 1 < n and doc[i].lower_ in OF and doc[i + 1].text in LEAGUES:
                    i += 2  # "le club de MLS X", "l'équipe d'EuroLeague X"
                if i == tok.i + 1:
                    continue  # "le club X" without a qualifier may be a trade ("club de lecture")
                # a person's name after it is its player ("le gardien du club congolais X Y"),
                # a name with an acronym or a number is the club ("club danois B.1901 X FL")
                person_ok = any(
                    t.is_upper or any(c.isdigit() for c in t.text) for t in doc[i : i + 2]
                )
            else:
                continue
            end = i
            while end < n and end - i < 4 and not doc[end].is_punct and (
                _name_word(doc[end])
                or (end > i and _cap_word(doc[end]) and doc[end].text not in NON_NAMES)
                # after "le club danois": a name with its founding year ("B.1909 Odense")
                or (person_ok and end == i and doc[end].text[:1].isupper()
                    and any(c.isdigit() for c in doc[end].text))
            ):  # the parser may open a sentence inside a name ("FUS | Rabat")
                end += 1
            if end == i:
                continue
            first = doc[i]
            if persons is None:  # words of the text's persons of two words or more
                persons = {t.text for e in doc.ents if e.label_ == "PER" and len(e) > 1 for t in e}
            if (
                (end - i == 1 and first.lower_ in PLACE_WORDS)
                or first.text in LEAGUES
                or fold(doc[i:end].text) in COUNTRIES
                or is_nationality(first)
                or (
                    not person_ok
                    and any(t.ent_type_ == "PER" or t.text in persons for t in doc[i:end])
                )
                or doc[i:end].text in LEAGUES
                or doc[end - 1].text in COMPETITION_WORDS
                or (end - i > 1
                    and (doc[i].text in CLUB_PREFIXES or doc[end - 1].text in CLUB_SUFFIXES))
            ):
                continue  # a country is its team, not a club (RN1); a league is the competition;
                # a name with a club prefix or suffix is the club rule's, found again by one word
            kb_id = self.kb.resolve(doc[i:end].text, countries=countries)
            out.append(Candidate(i, end, kb_id, "club_cue"))
        out.extend(self._league_members(doc, countries))
        return out

    def _league_members(self, doc: Doc, countries: dict[str, int]) -> list[Candidate]:
        """Rule club_cue, after the name: a team of a league is a club ("les Kansas Jets de la
        NFL", RN1, RN8); a title in capitals ("le MVP de la NBA") or a person is not."""
        assert self.kb is not None
        out: list[Candidate] = []
        for tok in (doc[i] for i in positions(doc, ORTH, LEAGUE_IDS)):
            if tok.i < 2:
                continue
            k = tok.i - 1
            if doc[k].lower_ in DETS:
                k -= 1
            if doc[k].lower_ not in OF_OR_DU or (doc[k].lower_ == "du") != (k == tok.i - 1):
                continue
            end = start = k
            while start > 0 and end - start < 4 and _name_word(doc[start - 1]):
                start -= 1
            words = doc[start:end]
            if start == end or any(
                not (t.is_title and t.is_alpha) or t.ent_type_ == "PER" or t.text in LEAGUES
                for t in words
            ):
                continue
            kb_id = self.kb.resolve(words.text, countries=countries)
            out.append(Candidate(start, end, kb_id, "club_cue"))
        return out

    def _nicknamed_teams(self, doc: Doc, countries: dict[str, int]) -> list[Candidate]:
        """A team nickname with its town or country: "les Lakers de Los Angeles", "les Fennecs
        d'Algérie" (RN1). The nickname is a plural name or a listed club short name."""
        assert self.kb is not None
        out: list[Candidate] = []
        n = len(doc)
        for tok in doc:
            i = tok.i
            if (
                i < 1
                or i + 2 >= n
                or doc[i - 1].lower_ not in TEAM_DETS
                or (i > 1 and _cap_word(doc[i - 2]))  # "la Coupe des Nations d'Afrique"
                or not (tok.is_title and tok.is_alpha and not tok.is_sent_start)
                or not (tok.text.endswith("s") or tok.text in CLUB_SHORT_NAMES)
                or tok.lower_ in PLACE_WORDS
                or _place_end(doc, i) > i + 1  # "le Pays de Galles" is a country
                or is_nationality(tok)
                or tok.text in NON_NAMES
                or doc[i + 1].lower_ not in OF_OR_DU
            ):
                continue
            j = i + 2
            place = doc[j]
            read_whole = _read_as_one_name(doc, i, j)
            if not (
                place.text[:1].isupper()
                and (place.lower_ in PLACE_WORDS or place.ent_type_ in {"LOC", "GPE"})
            ) and not read_whole:
                continue
            end = read_whole or _place_end(doc, j)
            kb_id = self.kb.resolve(doc[i:end].text, countries=countries)
            out.append(Candidate(i, end, kb_id, "team"))
        return out

    def _organs(self, doc: Doc, countries: dict[str, int]) -> list[Candidate]:
        """A capitalised organ noun alone after a determiner: 'la Cour', 'au Congrès' (RN12)."""
        assert self.kb is not None
        out: list[Candidate] = []
        for tok in (doc[i] for i in positions(doc, ORTH, ORGAN_NOUN_IDS)):
            if (
                tok.i > 0
                and doc[tok.i - 1].lower_ in ORGAN_DETS
                and not (tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper())
                # "le département du Trésor": the organ names another body's portfolio
                and not (tok.i > 1 and doc[tok.i - 1].lower_ == "du"
                         and doc[tok.i - 2].lower_ in PORTFOLIO_HEADS)
                # "le Trésor" alone may be a portfolio in a list; "le Trésor américain" is one
                and (tok.text not in COUNTRY_ORGANS
                     or (tok.i + 1 < len(doc) and is_nationality(doc[tok.i + 1])))
            ):
                kb_id = self.kb.resolve(tok.text, countries=countries)
                out.append(Candidate(tok.i, tok.i + 1, kb_id, "organ"))
        return out

    def _english_names(self, doc: Doc) -> list[Candidate]:
        """English body names: capitalised words with an English head ('Global Witness')."""
        out: list[Candidate] = []
        n = len(doc)
        i = 0
        while i < n:
            tok = doc[i]
            if not _cap_word(tok) or (tok.is_sent_start and tok.is_stop):
                i += 1
                continue
            end = i + 1
            while end < n and (
                # "The" starts a name of its own ("le site Internet The Zorvian's Tribune")
                (_cap_word(doc[end]) and not french_function_word(doc[end])
                 and doc[end].text != "The" and not _clitic_verb(doc, end))
                or (
                    doc[end].text in ENGLISH_FUNCTION
                    and _function_run_to_name(doc, end)  # "Society [for the] Protection"
                )
                or _plural_possessive(doc, end)
            ):
                end += 1
            if end - i >= 3 and self._french_acronym(doc[i].text):
                i += 1  # "soutenue par l'ONU Sustainable Energy for All": a French acronym
                # before an English name is a body of its own ("BBC World Service" is one)
            words = doc[i:end]
            heads = [k for k, t in enumerate(words) if t.text in ENGLISH_HEADS]
            english_order = any(
                k == len(words) - 1 or words[k + 1].text in ENGLISH_FUNCTION or k > 0
                for k in heads
            )
            titled = i > 0 and doc[i - 1].lower_ in WORK_TITLE_CUES  # "un livre intitulé X"
            if len(words) >= 2 and heads and english_order and _looks_english(words) and not titled:
                # "Imperial College de Londres": the city a college is named after; other
                # names only placed there ("Zorvia Policy Institute de New York") stop before it
                if (
                    end + 1 < n
                    and words[-1].text in CITY_NAMED_HEADS
                    and doc[end].lower_ in OF
                    and doc[end + 1].text[:1].isupper()
                    and (doc[end + 1].lower_ in PLACE_WORDS or doc[end + 1].ent_type_ == "LOC")
                ):
                    end += 2
                    while end < n and doc[end].ent_iob_ == "I" and _cap_word(doc[end]):
                        end += 1  # "de New York", "de Los Angeles"
                out.append(Candidate(i, end, None, "english"))
            i = end
        return out

    def _french_acronym(self, word: str) -> bool:
        """Whether a word is a known body's acronym that is no initialism of its English name
        ("ONU", "OMS"; not "BBC", "UN")."""
        if not word.isupper() or self.kb is None:
            return False
        kb_id = self.kb.resolve(word, countries={}, acronym=True)
        if kb_id is None:
            return False
        english = self.kb.entries[kb_id].name_en or ""
        initials = "".join(w[0] for w in english.split() if w[:1].isupper())
        return bool(english) and initials != word

    def _apposed_names(self, doc: Doc, countries: dict[str, int]) -> list[Candidate]:
        """A name followed by its kind: 'TeleGeography, une société américaine', 'Zorvia, l'une
        des plus grandes organisations caritatives' (RN10, RN13)."""
        assert self.kb is not None
        out: list[Candidate] = []
        for tok in (doc[i] for i in positions(doc, LOWER, APPOSED_KIND_IDS)):
            c = tok.i
            comma = _one_of_kind(doc, c)
            if comma is None and tok.lower_ in KIND_NOUNS:
                comma = _kind_after_comma(doc, c)
            if comma is None:
                continue
            if c + 1 < len(doc) and doc[c + 1].lower_ in NOT_BODY_KINDS:
                continue
            end = comma
            start = end
            while start > 0 and end - start < 6 and _cap_word(doc[start - 1]):
                start -= 1
            while start < end and doc[start].is_stop:
                start += 1  # "Selon X, une société": the sentence's first word is no part
            if start == end:
                continue
            start = _of_name_start(doc, start)
            span = doc[start:end]
            if span.text.lower() in PLACE_WORDS or (
                span[0].ent_type_ in {"LOC", "GPE"}
                and start > 0
                and doc[start - 1].lower_ in {"à", "au", "aux", "en", "dans"}
            ):
                continue  # a place before its description ("à San Francisco, une entreprise")
            kb_id = self.kb.resolve(span.text, countries=countries)
            out.append(Candidate(start, end, kb_id, "cue"))
        return out

    def _placed_names(self, doc: Doc, countries: dict[str, int]) -> list[Candidate]:
        """Rule placed_name: a company or media noun, maybe placed somewhere, then its name
        between commas: "une entreprise basée à Lagos, Zorbix, ...", "une organisation
        caritative, Zorbix4Kids, qui ...", "sa société de capital-risque, Zorbix," (RN10,
        RN13)."""
        assert self.kb is not None
        out: list[Candidate] = []
        n = len(doc)
        for tok in (doc[i] for i in positions(doc, LOWER, KIND_NOUN_IDS)):
            if not tok.is_lower:
                continue
            k = tok.i + 1
            while k < n and k - tok.i < 3 and doc[k].is_lower and doc[k].pos_ == "ADJ":
                k += 1  # "une petite entreprise américaine basée à"
            if k + 1 < n and doc[k].lower_ in OF and doc[k + 1].is_lower and (
                doc[k + 1].pos_ == "NOUN"
            ):
                k += 2  # its trade: "sa société de capital-risque, X,"
                if _joined_hyphen(doc, k):
                    k += 2
            if (
                k + 2 < n
                and doc[k].lemma_ in SEAT_PARTICIPLES
                and doc[k + 1].lower_ in {"à", "au", "aux", "en", "dans"}
            ):
                k += 2
                place = k
                while k < n and k - place < 3 and _cap_word(doc[k]):
                    k += 1
                if k == place:
                    continue
            elif k == tok.i + 1 or tok.i == 0 or doc[tok.i - 1].lower_ not in APPOSED_DETS:
                continue  # "une organisation caritative, X,": an adjective says which kind
            if k + 1 >= n or doc[k].text != ",":
                continue
            start = end = k + 1
            while end < n and end - start < 4 and (
                _cap_word(doc[end]) or (doc[end].text[:1].isupper() and doc[end].text.isalnum())
            ):  # "Soles4Kids"
                end += 1
            if end == start or end >= n or doc[end].text not in {",", ".", ";"}:
                continue
            kb_id = self.kb.resolve(doc[start:end].text, countries=countries)
            out.append(Candidate(start, end, kb_id, "cue"))
        return out

    def _named_kinds(self, doc: Doc, countries: dict[str, int]) -> list[Candidate]:
        """Rule named_kind: a body's kind noun, maybe qualified, then a naming participle and
        the name: "une organisation à but non lucratif appelée X", "un groupe de recherche
        appelé X", "un nouveau mouvement appelé « X »", "une société connue sous le nom de X".
        A thing's noun there ("un pneu baptisé X") names no body (the linker's thing_named)."""
        assert self.kb is not None
        out: list[Candidate] = []
        n = len(doc)
        for tok in (doc[i] for i in positions(doc, LOWER, NAMING_PARTICIPLE_IDS)):
            if _named_kind_before(doc, tok.i) is None:
                continue
            i = tok.i + 1
            if tok.lower_.startswith("connu"):
                if [t.lower_ for t in doc[i : i + 4]] != ["sous", "le", "nom", "de"]:
                    continue  # "une société connue pour ...": no name given
                i += 4
            quoted = 0
            while i < n and quoted < 2 and doc[i].text in NAME_QUOTES:
                i += 1
                quoted += 1
            if i >= n or not doc[i].text[:1].isupper() or doc[i].is_punct:
                continue
            if quoted:  # a name in quotes may hold lower-case words: « Sauvons le Burkina »
                end = i
                while end < n and end - i < MAX_QUOTED_NAME and doc[end].text not in NAME_QUOTES:
                    end += 1
                if end >= n or end - i >= MAX_QUOTED_NAME or any(t.is_punct for t in doc[i:end]):
                    continue
            else:
                end = _name_end(doc, i, 6, _brand_word)
            span = doc[i:end]
            if (
                end == i
                or span.text.lower() in PLACE_WORDS
                or fold(span.text) in COUNTRIES
                or doc[i].text in PERSON_CUES
                or doc[i].lower_ in LEADING
                or (len(span) == 1 and span[0].is_stop)
            ):
                continue
            kb_id = self.kb.resolve(span.text, countries=countries)
            out.append(Candidate(i, end, kb_id, "cue"))
        return out

    def _defined_names(self, doc: Doc, countries: dict[str, int]) -> list[Candidate]:
        """Rule defined_name: a capitalised name that opens a sentence or a clause, then "est
        un(e)" and a body's kind: "De La Rue est une société britannique", "Matter est une
        société de conseil" (RN10, RN13)."""
        assert self.kb is not None
        out: list[Candidate] = []
        for tok in (doc[i] for i in positions(doc, LOWER, DEFINING_KIND_IDS)):
            k = before_adjectives(doc, tok.i - 1)  # "une petite entreprise"
            if k < 2 or doc[k].lower_ not in {"un", "une"} or (not tok.is_lower and (
                tok.lower_ != "ong"
            )):
                continue
            verb = doc[k - 1]
            if verb.lower_ not in {"est", "était"}:
                continue
            end = start = verb.i
            while start > 0 and end - start < 5 and (
                _cap_word(doc[start - 1]) or doc[start - 1].text in NAME_PARTICLES
                or (doc[start - 1].text in {"&", "-"} and start - 1 < end - 1)
            ):
                start -= 1
            if start == end or not (
                doc[start].is_sent_start or doc[start - 1].text in {",", ":", "«", '"', "("}
            ):
                continue
            span = doc[start:end]
            if (
                span[0].is_stop
                or span.text.lower() in PLACE_WORDS
                or fold(span.text) in COUNTRIES
                or (any(t.ent_type_ in {"LOC", "GPE", "PER"} and t.text not in NAME_PARTICLES
                       for t in span)
                and not any(t.ent_type_ in {"ORG", "MISC"} for t in span))
            ):
                continue
            kb_id = self.kb.resolve(span.text, countries=countries)
            out.append(Candidate(start, end, kb_id, "cue"))
        return out

    def _cued_names(self, doc: Doc, countries: dict[str, int]) -> list[Candidate]:
        """A name after a media or company noun: 'le journal kenyan Star', 'la start-up X'."""
        assert self.kb is not None
        out: list[Candidate] = []
        n = len(doc)
        for tok in (doc[i] for i in positions(doc, LOWER, CUED_NAME_IDS)):
            low = tok.lower_
            if low == "up" and tok.i > 1 and doc[tok.i - 2].lower_ == "start":
                low = "start-up"
            press = low == "agence" and tok.i + 2 < n and doc[tok.i + 2].lower_ == "presse"
            site = low == "site" and tok.i + 2 < n and doc[tok.i + 1].lower_ in {"d'", "d’"} and (
                doc[tok.i + 2].lower_ in SITE_KINDS
            )  # "le site d'information X" (lexicon: site_d'information)
            trade = low in TRADE_CUES
            if low not in MEDIA_CUES and low not in COMPANY_CUES and not (press or site or trade):
                continue
            if (not tok.is_lower and tok.text not in {"ONG", "Ong"}) or (
                tok.i > 0 and doc[tok.i - 1].lower_ == "en"
            ):  # "l'ONG X" is written in capitals
                continue  # "en compagnie de X" is no company
            i = tok.i + 1
            if press or site:
                i = tok.i + 3
            # adjectives and a short lower-case complement: "société de cyber sécurité"
            steps = 0
            while i < n and steps < MAX_CUE_WORDS and (
                _describing_word(doc, i) or (trade and _trade_link(doc, i))
            ):
                i += 1
                steps += 1
                if _joined_hyphen(doc, i):
                    i += 1  # "plateforme de crypto-monnaies X": one word in two tokens
            if doc[i - 1].lower_ in OF:
                continue  # "la société de Robert X": an owner, not the name
            if any(t.lower_ in NOT_BODY_KINDS for t in doc[tok.i + 1 : i]):
                continue  # "le groupe ethnique Oromo": people, not a body
            if i < n and doc[i].text in {'"', "«", "“"}:
                i += 1
            end = i
            while end < n and end - i < 6 and (
                _cap_word(doc[end])
                # a channel named with digits: "la chaîne 2M", "la radio 1FM"
                or (low in MEDIA_CUES and CHANNEL_CODE.fullmatch(doc[end].text) is not None)
                # ... or with digits inside its name: "le site d'information Le360"
                or (
                    (low in MEDIA_CUES or site)
                    and doc[end].text[:1].isupper()
                    and doc[end].text.isalnum()
                    and any(ch.isdigit() for ch in doc[end].text)
                )
                or (doc[end].text in ENGLISH_FUNCTION and _function_run_to_name(doc, end))
                or (
                    doc[end].text == "-"
                    and end > i
                    and not doc[end - 1].whitespace_
                    and not doc[end].whitespace_
                    and end + 1 < n
                    and _cap_word(doc[end + 1])
                )  # "l'ONG REN-LAC"
            ):
                end += 1
            if end == i:
                continue
            span = doc[i:end]
            if span.text.lower() in PLACE_WORDS or fold(span.text) in COUNTRIES or (
                _place_key(span) in MULTIWORD_PLACES
            ):
                continue  # a place; the NER's LOC is no veto ("le cabinet d'études Zorvia Tower")
            if low in PLACE_CUES and doc[i].ent_type_ in {"LOC", "GPE"}:
                continue  # "la chaîne Selkirk" is a mountain range
            if _name_goes_on_with_of(doc, end):
                continue  # "le service Grands Lacs de la BBC": a unit of another body
            if len(span) == 1 and (span[0].is_stop or span[0].lower_ in LEADING):
                continue  # "magazine and others Le gouvernement": a determiner, not a name
            if tok.text in {"ONG", "Ong"} and end < n and doc[end].lower_ in NAME_GOES_ON:
                continue  # "l'ONG Internet sans frontières": the name goes on in lower case
            if trade and (
                steps == 0
                or any(t.ent_type_ == "PER" for t in span)
                or _person_words(doc, span)
                or doc[i].text in PERSON_CUES
            ):
                continue  # rule trade_cue: "le producteur X" may be a person's trade
            kb_id = self.kb.resolve(span.text, countries=countries)
            out.append(Candidate(i, end, kb_id, "cue"))
        return out

    def _led_names(
        self, doc: Doc, countries: dict[str, int], triggers: list[Token]
    ) -> list[Candidate]:
        """Rule cue, after a role: the capitalised name after a company head's or founder's
        role and "de" ("le PDG de X", "la cofondatrice de X", "le directeur général de X"),
        after the role of one who speaks or edits for a body ("un porte-parole de X", "le
        rédacteur en chef de X"), or after a trade and "chez" ("analyste senior chez X", "il
        travaille chez X")."""
        assert self.kb is not None
        out: list[Candidate] = []
        n = len(doc)
        for tok in triggers:
            k = tok.i
            if k == 0 or k + 1 >= n:
                continue
            prev = doc[k - 1]
            speaker = False
            person = False
            if tok.lower_ in OF_OR_DU:
                speaker = _role_before(doc, k, SPEAKER_ROLES)
                person = not speaker and _named_person_before(doc, k)
                if not (speaker or person) and not _role_before(doc, k, COMPANY_ROLES):
                    continue
            elif tok.lower_ == "chez":
                if prev.pos_ not in {"NOUN", "ADJ"} and prev.lemma_ != WORKS_AT:
                    continue  # "rentré chez X" is a home
            else:
                continue
            i = k + 1
            if doc[i].lower_ in {"l'", "l’"}:
                i += 1
            end = _name_end(doc, i, 6, _cap_word)
            # after "chez", a person ("un mode courant chez Woody Allen"); after a role, a work,
            # product or website (NER MISC: "le cofondateur de Wikipédia"): not the body led
            shun = "PER" if tok.lower_ == "chez" or person else "MISC"
            if end == i or doc[i].is_sent_start or (end < n and _lower_adjective(doc[end])):
                continue  # "cofondatrice du Baromètre arabe": the name goes on in lower case
            span = doc[i:end]
            if (
                span.text.lower() in PLACE_WORDS
                or fold(span.text) in COUNTRIES
                or (doc[i].ent_type_ == "LOC" and not _sited(doc, tok, end))
                or any(t.ent_type_ == shun for t in span)
                or ((speaker or person) and _person_words(doc, span))  # "le porte-parole de Joe X"
                or (person and _name_goes_on_with_of(doc, end))
                or doc[i].text in PERSON_CUES
                or doc[i].lower_ in LEADING
                or (len(span) == 1 and span[0].is_stop)
                or span.text.lower() in NON_BODY_NAMES
            ):
                continue  # "le patron de Kinshasa", "chez M. X", "chez Les ...", "le porte-parole
                # du Kremlin" (RN7): no body named
            kb_id = self.kb.resolve(span.text, countries=countries)
            out.append(Candidate(i, end, kb_id, "cue"))
        return out

    def _stations(
        self, doc: Doc, countries: dict[str, int], triggers: list[Token]
    ) -> list[Candidate]:
        """Rule cue, a station: one or two capitalised words before "FM" ("Joy FM", RN10)."""
        assert self.kb is not None
        out: list[Candidate] = []
        for tok in triggers:
            if tok.text not in BROADCAST_SUFFIXES or tok.i == 0 or not _cap_word(doc[tok.i - 1]):
                continue
            start = tok.i - 1
            if start > 0 and _name_word(doc[start]) and _cap_word(doc[start - 1]):
                start -= 1  # "Capital Joy FM"
            if doc[start].lower_ in LEADING:
                start += 1  # "La Smart FM": an article, not the name
            if start == tok.i:
                continue
            kb_id = self.kb.resolve(doc[start : tok.i + 1].text, countries=countries)
            out.append(Candidate(start, tok.i + 1, kb_id, "cue"))
        return out

    def _listed_names(
        self, doc: Doc, countries: dict[str, int], triggers: list[Token]
    ) -> list[Candidate]:
        """Rule cue, in a list: each capitalised name of a list after a plural noun of a kind of
        body ("les sociétés américaines X et Y", "des organisations comme X, Y ou Z")."""
        assert self.kb is not None
        out: list[Candidate] = []
        n = len(doc)
        for tok in triggers:
            if tok.lower_ not in KIND_PLURALS or not (tok.is_lower or tok.text == "ONG"):
                continue
            if tok.text == "ONG" and (tok.i == 0 or doc[tok.i - 1].lower_ not in PLURAL_DETS):
                continue  # "l'ONG X" is the singular: rule cue has it
            i = tok.i + 1
            while i < n and i - tok.i <= 3 and (
                (_lower_adjective(doc[i]) and doc[i].pos_ != "VERB")
                or doc[i].lower_ in LIST_OPENERS
            ):
                i += 1  # "les sociétés américaines", "des entreprises telles que"
            names: list[tuple[int, int]] = []
            while i < n:
                end = _name_end(doc, i, 5, _name_word)
                if end == i:
                    break
                names.append((i, end))
                if end + 1 < n and doc[end].lower_ in {",", "et", "ou"}:
                    i = end + 1
                else:
                    break
            if names and names[-1][1] < n and (
                _lower_adjective(doc[names[-1][1]]) or doc[names[-1][1]].lower_ in NAME_GOES_ON
            ):
                continue  # "les opérateurs Mathieu quasi-périodiques": a kind, not a body
            for start, end in names:
                span = doc[start:end]
                if (
                    (end < n and _cap_word(doc[end]))  # the parser cut the name ("Orange | Côte")
                    or (end + 1 < n and doc[end].lower_ in OF_OR_DU and _cap_word(doc[end + 1]))
                    or span.text.lower() in PLACE_WORDS
                    or fold(span.text) in COUNTRIES
                    or any(t.ent_type_ == "PER" for t in span)
                    or span[0].lower_ in LEADING
                    or span[0].text in PERSON_CUES
                ):
                    continue  # a name going on with "de" ("Orange Côte d'Ivoire"), a place or a
                    # person (the NER's LOC is no veto: it reads unknown names as places)
                kb_id = self.kb.resolve(span.text, countries=countries)
                out.append(Candidate(start, end, kb_id, "cue"))
        return out

    def _institutions(self, doc: Doc, countries: dict[str, int]) -> list[Candidate]:
        """Named bodies by their head word: 'armée malienne', 'Office fédéral du logement'."""
        assert self.kb is not None
        out: list[Candidate] = []
        for tok in (doc[i] for i in positions(doc, LOWER, INSTITUTION_HEAD_IDS)):
            head = tok.lower_
            capital = tok.text[:1].isupper()
            end = None
            if capital or head in LOWER_HEADS:
                if tok.is_upper and len(tok) > 1:
                    continue  # a heading in capitals ("DIRECTION VAUDEVILLE")
                if not capital and _activity_noun(doc, tok.i):
                    continue  # "le cabinet de conseil X": a trade, the name comes after it
                if not capital and _noun_complement(doc, tok.i):
                    continue  # "le poste de police local", "des agents de douane": a kind
                if not capital and place_use(tok):
                    continue  # "entré à l'ambassade saoudienne": the building (RN12)
                if not capital and presidency_term(doc, tok.i):
                    continue  # "candidat à la présidence", "la présidence de Nixon" (RN6)
                end = _extend_institution(doc, tok.i, capital=capital)
            if end is None:
                if not capital:
                    # "le réseau national de lutte anti-corruption (REN-LAC)"
                    acronymed = _acronymed_name(doc, tok.i)
                    if acronymed is not None:
                        kb_id = self.kb.resolve(doc[tok.i : acronymed].text, countries=countries)
                        out.append(Candidate(tok.i, acronymed, kb_id, "acronymed"))
                continue
            span = doc[tok.i : end]
            if span.text.lower() in NOT_INSTITUTIONS:
                continue
            if head in {"réseau", "réseaux"} and any(t.lower_ in INFRASTRUCTURE_ADJ for t in span):
                continue  # "le réseau ferroviaire ukrainien": rails, not a body
            if not capital and head in DESCRIBING_HEADS and _describes_a_name(doc, end):
                continue  # "l'agence de presse russe, Tass,": Tass is the name (describes_name)
            if (
                (not capital or tok.is_sent_start)  # a title's first word: "Présidence de la CAF"
                and head in UNIT_HEADS
                and self._unit_of_body(doc, tok.i, end)
            ):
                continue  # "le service chinois de la BBC": a unit gives only its body (O4)
            if not capital and head in COURT_HEADS and all(is_nationality(t) for t in span[1:]):
                continue  # "le tribunal thaïlandais": a court of the country, no name (O3)
            if not capital and head in KIND_HEADS and is_nationality(span[-1]):
                name_end = end
                while name_end < len(doc) and name_end - end < 4 and _name_word(doc[name_end]):
                    name_end += 1
                name = doc[end:name_end]
                if len(name):  # "l'institut de recherche allemand X": a kind, X is the body
                    if name[0].text not in PERSON_CUES:  # the NER's PER is no veto here
                        kb_id = self.kb.resolve(name.text, countries=countries)
                        out.append(Candidate(end, name_end, kb_id, "cue"))
                    continue
            if not capital and head in CREW_HEADS and not _country_named(span) and not (
                is_sport_text(doc) or _has_sport_word(tok.sent)
            ):
                continue  # rule crew: "l'équipe allemande" outside sport is a group of people
            end = _name_tail(doc, tok.i, _campus_end(doc, tok.i, end))
            kb_id = self.kb.resolve(doc[tok.i : end].text, countries=countries)
            out.append(Candidate(tok.i, end, kb_id, "institution"))
        return out

    def _unit_of_body(self, doc: Doc, start: int, end: int) -> bool:
        """The name's complement is a known body: "présidence de la CAF", "service de la BBC"."""
        assert self.kb is not None
        k = start + 1
        while k < end and doc[k].lower_ not in {"de", "du", "des", "d'", "d’"}:
            k += 1
        k += 1
        while k < end and doc[k].lower_ in DETS:
            k += 1
        if k >= end or not doc[k].text[:1].isupper():
            return False
        body = doc[k:end].text
        return (
            body in LEXICON["known_names"]
            or (body.isupper() and self.kb.resolve(body, acronym=True) is not None)
            or self.kb.resolve(body) is not None
        )

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


def _sub_units(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Rule sub_unit (GUIDELINES O4): a lower-case institution head described by a phrase whose
    complement is a body named by another rule gives only that body: "l'équipe de jeunes de
    Zorvia United", "l'école de journalisme de Zorvia University", "l'armée du Front de
    libération de Zorvie"; a place as complement keeps the whole ("l'équipe d'Égypte"). A
    university or a hospital with its name is that body ("l'université de Princeton")."""
    starts: dict[int, set[int]] = {}
    for c in cands:
        if c.source in NAMED_SOURCES:
            starts.setdefault(c.end, set()).add(c.start)
    if not starts:
        return cands
    return [
        c
        for c in cands
        if not (
            c.source == "institution"
            and doc[c.start].lower_ in SUB_UNIT_HEADS
            and doc[c.start].is_lower
            and any(c.start + 1 < s and _after_of(doc, s) for s in starts.get(c.end, ()))
        )
    ]


def _after_of(doc: Doc, i: int) -> bool:
    """``doc[i]`` follows "de"/"du"/"des", maybe with an article: "de la Zorvia Academy"."""
    k = i - 1
    if doc[k].lower_ in DETS and k > 0:
        k -= 1
    return doc[k].lower_ in OF_OR_DU or doc[k].lower_ == "des"


NOT_DESCRIBING_POS = {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ"}


def _describing_word(doc: Doc, i: int) -> bool:
    """A word of the description between a company or media cue and the name: a lower-case
    adjective or noun, "de" (rule name_particle: not a capitalised "De" after a lower-case
    word, which starts the name: "la société britannique De La Rue"), a noun written with a
    capital ("la société d'État angolaise X", "la société de sécurité Internet X"; lexicon
    capitalised_nouns), "et" between two adjectives ("la société américaine et suédoise X")."""
    tok = doc[i]
    if tok.is_lower and tok.is_alpha and tok.pos_ not in NOT_DESCRIBING_POS:
        return True
    if tok.lower_ in OF:
        return not name_particle(doc, i)
    if tok.text in CAPITALISED_NOUNS:
        return doc[i - 1].is_lower
    return (
        tok.lower_ == "et"
        and doc[i - 1].pos_ == "ADJ"
        and doc[i - 1].is_lower
        and i + 1 < len(doc)
        and doc[i + 1].is_lower
        and doc[i + 1].pos_ == "ADJ"
    )


def _sited(doc: Doc, trigger: Token, end: int) -> bool:
    """Rule sited_name: after "chez", or when the name is placed in a town ("cofondateur de X
    à Amsterdam"), the NER's LOC on a name is no veto: a place is not where one works, nor
    does it sit in another place."""
    if trigger.lower_ == "chez":
        return True
    return (
        end + 1 < len(doc)
        and doc[end].lower_ in {"à", "au"}
        and doc[end + 1].ent_type_ in {"LOC", "GPE"}
        and doc[end + 1].ent_iob_ == "B"
    )


CHANNEL_CODE = re.compile(CHANNEL_CODE_RE)  # "la chaîne 2M", as the numbers read it
ROMAN_NUMERAL = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")


def _sentence_opens(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a sentence: the parser says so and the word before ends one (the
    parser also cuts inside names: "l'Université Cheikh | Anta Diop")."""
    if not doc[i].is_sent_start or i == 0:
        return bool(doc[i].is_sent_start)
    before = doc[i - 1]
    return before.text in {".", "!", "?", "…", ":", ";", "»", '"'} or "\n" in before.text_with_ws


def _trade_link(doc: Doc, i: int) -> bool:
    """Rule trade_cue: "du", "des" or "en" before a lower-case word inside a trade's
    description ("le géant du logiciel X", "le négociant en caoutchouc X")."""
    return (
        doc[i].lower_ in {"du", "des", "en"}
        and i + 1 < len(doc)
        and doc[i + 1].is_lower
        and doc[i + 1].is_alpha
    )


def trim_leading(doc: Doc, start: int, end: int) -> int:
    """Move ``start`` past leading articles and elisions ("l'", "la", "du"...)."""
    while (
        start < end - 1
        and doc[start].lower_ in LEADING
        and not doc[start].text.startswith("Les")
        and not name_particle(doc, start)
    ):
        start += 1
    return start


def name_particle(doc: Doc, i: int) -> bool:
    """Rule name_particle: a capitalised "De"/"Du" after a lower-case word starts a name
    ("le conglomérat De Beers", "la société Du Pont"); a preposition is written in lower case
    there."""
    return (
        doc[i].text in NAME_PARTICLES
        and i > 0
        and not doc[i].is_sent_start
        and doc[i - 1].is_alpha
        and doc[i - 1].is_lower
    )


CONNECTORS = {"de", "du", "des", "d'", "d’", "à", "aux", "au", "pour", "contre", "sur", "en", "et"}
DETS = {"la", "l'", "l’", "le", "les"}
# "tout" before a determiner inside a name: "Comité pour l'élimination de toutes les formes de ..."
PREDETERMINERS = {"tout", "toute", "tous", "toutes"}
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
PLACE_HEADS |= {w.lower() for w in LEXICON["place_heads"]}
MAX_INSTITUTION = 16
# Lower-case heads that take a lower-case field complement ("ministère de la sécurité",
# "département de l'énergie", "police des mœurs", RN11) and are names with it.
FIELD_HEADS = {"ministère", "ministères", "département", "départements", "autorité", "commission",
               "syndicat", "fédération", "commandement", "direction"}
# ... and those that take one after a country adjective ("bureau chinois d'ingénierie spatiale")
LOWER_FIELD_HEADS = FIELD_HEADS | {"police", "armée", "forces", "force", "association", "bureau",
                                   "office", "agence", "conseil", "comité", "hôpital", "école",
                                   "université", "universités",
                                   "équipe",
                                   "institut", "laboratoire", "tribunal", "cour", "services"}
QUOTES = {'"', "«", "“"}
# Complements that describe rather than name: "la fédération du pays" (RN11).
DESCRIPTIVE = {"pays", "nation", "ville", "région", "continent", "monde", "quartier", "instance",
               "émirat", "royaume", "capitale", "territoire", "province"}
# Complements of time that end a name: "la police de l'époque", "l'université ... de l'année".
TIME_NOUNS = {"époque", "année", "années", "an", "ans", "mois", "semaine", "semaines", "jour",
              "jours", "début", "fin", "moment", "période", "passé", "siècle", "lendemain",
              "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre"}
# Lower-case heads of a unit inside another body: with a known body as complement, only the
# body is ORG ("le service chinois de la BBC", "la présidence de la CAF", O4).
UNIT_HEADS = {"service", "services", "présidence", "administration", "direction", "bureau",
              "agence", "section", "département", "secrétariat", "cellule", "branche", "division"}
# Lower-case heads of a sub-unit of another body, named by it (rule sub_unit, O4).
SUB_UNIT_HEADS = {"école", "écoles", "faculté", "facultés", "équipe", "équipes", "armée", "aile",
                  "branche"}
# Trades named by a head word after "de"/"en": "cabinet de conseil X", "conseil en sécurité".
ACTIVITY_HEADS = {"conseil", "service", "services", "direction"}
# Vague complements that do not make a field name by themselves ("la commission du secteur").
VAGUE_FIELDS = {"secteur", "domaine", "filière", "branche", "actif", "entreprise", "société",
                "compagnie", "firme", "club"}
# Heads named by a leader or a capital: "administration Trump", "gouvernement de Niamey" (RN5).
LEADER_HEADS = {"gouvernement", "régime", "junte", "administration", "présidence", "université",
                "universités", "école", "hôpital", "laboratoire", "institut"}
# Lower-case heads of a parliamentary group, named only by its party's adjective (rule
# institution; "groupe socialiste" in ANNOTATION.md).
PARTY_GROUP_HEADS = {"groupe"}
# Heads of a ministry, named by its portfolio ("ministère de la Santé").
MINISTRY_HEADS = {"ministère", "ministères"}
# Plural heads of several bodies of a kind: with adjectives alone they name none ("des
# départements américains"); a field names them ("ministères de la Santé et de l'Éducation").
PLURAL_KIND_HEADS = {"départements", "ministères", "agences", "universités", "écoles",
                     "commissions", "comités", "conseils", "directions", "syndicats"}
# Heads that name a kind of body: in lower case with one adjective alone they describe one
# named elsewhere ("l'agence onusienne", RN11); a field or a name makes them a name ("l'agence
# américaine de protection de l'environnement", "l'agence spatiale russe").
KIND_ONLY_HEADS = {"agence", "agences", "organisation", "organisme", "institution"}
# Links after which a country's lower-case body ("forces américaines") goes on with no name.
PLACING_LINKS = {"à", "au", "aux", "en"}
# Heads that name a body only with a country adjective: "les services de renseignement
# britanniques" (RN4), not "les services Google" nor "les services de santé du Libéria".
NATIONAL_ONLY_HEADS = {"services"}
# ... except the generic ones, whatever their country: "les services de sécurité (marocains)"
# are a generic group (ANNOTATION.md; the seed's gold leaves them out).
GENERIC_FIELDS = {"sécurité"}
# Heads that need a country, capital or leader; a body adjective alone does not name one (RN5).
GOVERNMENT_HEADS = {"gouvernement", "gouvernements", "régime", "junte", "administration",
                    "présidence"}
# Titles of the leader a government is named by: "l'administration du président X" (RN5).
LEADER_TITLES = {"président", "présidente", "premier", "première"}
# Institution nouns that are also a field after "de": "le service fédéral des douanes".
CUSTOMS = {"douane", "douanes"}
# Nouns that start a second body after "et de la": "Conseil constitutionnel et de la commission".
SECOND_BODIES = {"commission", "conseil", "cour", "tribunal", "assemblée", "ministère", "parlement",
                 "sénat", "comité", "gouvernement", "armée", "police", "gendarmerie"}
# Negations that open a qualifier of a name: "Centre d'information non partisan sur ...".
NEGATIONS = {"non"}
# Links after which a body noun starts another body, not the name's complement (rule
# another_body): "l'Institut X à l'Académie Y", "le Parti X pour la chambre basse du Parlement";
# "de" is left out ("Commission de la Cour ...": a body's own organ is named through it).
ANOTHER_BODY_LINKS = {"à", "pour"}
ANOTHER_BODY_HEADS = SECOND_BODIES | {"chambre", "académie", "université", "institut",
                                      "parti", "banque", "fondation", "agence"}
# Links that end a name after its place or a proper name: "... de Sydney sur les moyens".
# ("pour" is left out: "l'Agence des Nations unies pour les réfugiés" goes on.)
AFTER_PLACE_ENDS = {"sur", "contre"}
# Lower-case heads that a definite article and a field complement make a body's name (RN11).
FIELD_NAME_HEADS = {"autorité", "commission", "comité", "conseil", "département", "réseau",
                    "syndicat"}
# ... and those that need an adjective before the field too ("l'agence nationale de lutte contre
# la corruption"; "l'agence de notation" is a trade, rule qualified_field)
QUALIFIED_FIELD_HEADS = {"agence", "agences", "direction"}
DEFINITE = {"le", "la", "l'", "l’", "du", "au"}
# Heads named with two countries: "ambassade du Cameroun en Chine".
EMBASSY_HEADS = {"ambassade", "ambassades", "consulat", "consulats"}
# Buildings that are bodies only when they act, treat or own (RN12), and the prepositions of
# place that make them the place (rule place_use)
PLACE_USE_HEADS = EMBASSY_HEADS | {"hôpital", "hôpitaux", "clinique", "cliniques"}
PLACE_PREPOSITIONS = {"à", "au", "aux", "dans", "devant"}
# Lower-case heads whose own proper name ends the name before a place: "université Monash de
# Melbourne" (rule named_place; "hôpital Sion de Mumbai" keeps its town).
NAMED_PLACE_HEADS = {"université", "universités"}
MAX_TAIL_WORDS = 3  # rule name_tail
# Team nouns that outside a text or sentence about sport name a group of people, not a body,
# unless a country names the team ("l'équipe allemande" of an expedition; "l'équipe ... du
# Nigeria"; "le gardien de l'équipe camerounaise").
CREW_HEADS = {"équipe", "équipes"}
# Team nouns: a capitalised complement is a club described ("l'équipe belge d'Anderlecht").
TEAM_HEADS = {"équipe", "sélection"}
# Parts of speech of the French function words that end an English name run on into a
# sentence ("Il", "Après"); "Nouveau" in "Nouveau Front populaire" is no function word.
FUNCTION_POS = {"PRON", "ADP", "SCONJ", "CCONJ", "ADV", "AUX", "DET"}
# Prepositions after which an NGO's name goes on in lower case ("Internet sans frontières").
NAME_GOES_ON = {"sans", "pour", "contre"}
# Heads written alike in both numbers, and the last letters a feminine adjective may have
# (an invariable "burkinabè", "kurde", a borrowed "indelta" included).
INVARIABLE_HEADS = {"fonds", "corps"}
FEMININE_ENDINGS = set("esxèéia")
# Heads that also count a crowd: "une armée d'avocats" (a bare plural complement).
HOST_HEADS = {"armée", "armées"}
# Connector + word locutions that end a name: "de nouveau", "en outre".
ADVERBIAL_PHRASES = {("de", "nouveau"), ("de", "plus"), ("en", "outre"), ("en", "effet"),
                     ("de", "même"), ("en", "vain"), ("à", "nouveau"), ("en", "cours"),
                     ("au", "pouvoir"), ("de", "second"), ("de", "seconde"),
                     # prepositional phrases that tell how or why a body acts ("financé par
                     # l'Union européenne à hauteur de 15 millions", "en raison de")
                     ("à", "hauteur"), ("à", "partir"), ("à", "cause"), ("à", "travers"),
                     ("à", "compter"), ("à", "titre"), ("en", "raison"), ("en", "coopération"),
                     ("en", "collaboration"), ("en", "partenariat"), ("en", "marge")}
INDEFINITE = {"un", "une", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos",
              "mon", "ma", "mes", "chaque", "plusieurs", "certains", "certaines", "quelques",
              "aucun", "aucune"}


def place_use(head: Token) -> bool:
    """Rule place_use: an embassy or hospital that a verb reaches with a preposition of place
    is the building, not the body ("il est entré à l'ambassade saoudienne", "un cas signalé à
    l'ambassade", "mort à l'hôpital de Kindia"; RN12). One who works there is reached through a
    noun, not a verb: "gynécologue à l'hôpital X" stays a body."""
    return (
        head.lower_ in PLACE_USE_HEADS
        and head.head.pos_ in {"VERB", "AUX"}
        and head.head.morph.get("Tense", []) != ["Pres"]  # "médecin consultant à l'hôpital X"
        and head.dep_.startswith("obl")
        and any(c.dep_ == "case" and c.lower_ in PLACE_PREPOSITIONS for c in head.children)
    )


def presidency_term(doc: Doc, i: int) -> bool:
    """Rule presidency_term (RN6): "présidence" as an office held or sought, not the office
    that acts: after "à la" ("candidat à la présidence", "son mandat à la présidence de la
    Russie") or with its holder ("la présidence de Nixon")."""
    if doc[i].lower_ != "présidence":
        return False
    if i > 1 and doc[i - 1].lower_ == "la" and doc[i - 2].lower_ == "à":
        return True
    return i + 2 < len(doc) and doc[i + 1].lower_ == "de" and doc[i + 2].ent_type_ == "PER"


def _is_adj(tok: Token) -> bool:
    low = tok.lower_
    if tok.pos_ in {"VERB", "AUX"} and not _country_amod(tok):
        return False
    if _verb_before_count(tok) or _adjective_with_object(tok):
        return False
    return (
        low in INSTITUTION_ADJ
        or is_nationality(tok)
        or (tok.pos_ == "ADJ" and tok.is_lower)
        or (tok.pos_ == "X" and tok.dep_ == "amod" and tok.is_lower)  # "forces amphibies"
        # a lower-case word tagged a name, with no preposition, before a country adjective
        # ("par les forces amphibies chinoises")
        or (
            tok.pos_ == "PROPN"
            and tok.is_lower
            and not any(c.dep_ == "case" for c in tok.children)
            and tok.i + 1 < len(tok.doc)
            and is_nationality(tok.doc[tok.i + 1])
        )
        or (tok.pos_ == "ADJ" and _nationality(low))
    )


def _verb_before_count(tok: Token) -> bool:
    """A lower-case word the tagger calls an adjective, right before a number, is the verb
    of the sentence ("le Parti socialiste sauve 31 circonscriptions"): no adjective of a
    name is followed by a count."""
    return (
        tok.is_lower
        and tok.pos_ == "ADJ"
        and tok.lower_ not in INSTITUTION_ADJ
        and not is_nationality(tok)
        and tok.i + 1 < len(tok.doc)
        and tok.doc[tok.i + 1].like_num
    )


def _adjective_with_object(tok: Token) -> bool:
    """A word the tagger calls an adjective but gives an object is the verb of the sentence
    ("le gouvernement malien nationalise les banques")."""
    return tok.pos_ == "ADJ" and tok.is_lower and any(c.dep_ == "obj" for c in tok.children)


def _agrees(head: Token, adj: Token) -> bool:
    """A lower-case adjective right after the head word may qualify it: it does not disagree
    in number as the tagger reads them, nor in gender by its ending ("unités de police
    spéciales", "poste de police local", "les forces russes contrôlent": the adjective belongs
    to another noun or is a verb)."""
    if not adj.is_lower or adj.pos_ != "ADJ":
        return True
    have, want = adj.morph.get("Number", []), head.morph.get("Number", [])
    if have and want and have != want and head.lower_ not in INVARIABLE_HEADS:
        # by its ending too: "sénégalais", "français" are singular as well
        plural_form = adj.lower_.endswith(("es", "aux"))
        singular_form = not adj.lower_.endswith(("s", "x"))
        if (want == ["Sing"] and plural_form) or (want == ["Plur"] and singular_form):
            return False
    # a feminine head takes no masculine form that ends in a consonant ("police local")
    return not (
        head.morph.get("Gender", []) == ["Fem"] and adj.lower_[-1:] not in FEMININE_ENDINGS
    )


def _name_participle(doc: Doc, i: int) -> bool:
    """Rule name_participle: a lower-case past participle that agrees with the lower-case noun
    right before it is part of the name ("Université des sciences appliquées", "Association de
    procréation assistée"), unless it opens a clause ("chargé du dossier", "interrogé par")."""
    tok = doc[i]
    prev = doc[i - 1]
    if not (tok.is_lower and tok.is_alpha and prev.is_lower and prev.pos_ == "NOUN"):
        return False
    if tok.dep_ == "ROOT" or tok.head.i > i or any(
        c.dep_.startswith("nsubj") for c in tok.children
    ):
        return False  # "la police de l'émirat dit avoir ...": a verb, not the noun's qualifier
    if tok.morph.get("VerbForm", []) != ["Part"] or tok.morph.get("Tense", []) != ["Past"]:
        return False
    if tok.lemma_.lower() in CLAUSE_PARTICIPLES:
        return False
    if i + 1 < len(doc) and doc[i + 1].lower_ in CLAUSE_OPENERS:
        return False
    return all(
        not (a and b) or a == b
        for a, b in (
            (tok.morph.get("Gender", []), prev.morph.get("Gender", [])),
            (tok.morph.get("Number", []), prev.morph.get("Number", [])),
        )
    )


def is_nationality(tok: Token) -> bool:
    """A country adjective of the lexicon ("malien", "sud-africaines")."""
    return tok.lower_ in NATIONALITIES


def _extend_institution(doc: Doc, start: int, *, capital: bool) -> int | None:
    """End of an institution name starting at its head word, or None when unqualified.

    A capitalised head ('Office', 'Autorité') takes lower-case complements
    ('fédéral du logement'); a lower-case head ('ministère', 'armée') needs an
    adjective or a capitalised complement ('de l'Intérieur'); a weak lower-case
    head ('gouvernement', 'université') needs a country adjective, a place, a
    name ('administration Trump') or a body adjective ('commission électorale').
    """
    n = len(doc)
    head = doc[start].lower_
    if (
        head in HIGH
        and start + 1 < n
        and doc[start + 1].text[:1].isupper()
        and doc[start + 1].lower_ in INSTITUTION_HEADS
    ):  # "Haute Cour (fédérale)"
        end = _extend_institution(doc, start + 1, capital=True)
        return end if end is not None else start + 2
    weak = head in WEAK_HEADS and not capital
    if not capital and start > 0 and doc[start - 1].lower_ in INDEFINITE:
        return None  # "une commission", "son ministère": a description, not a name
    i = start + 1
    qualified = False
    definite = start > 0 and doc[start - 1].lower_ in DEFINITE
    field_named = False
    # a name given in quotes ("« comité exécutif provisoire »", RN11)
    # ... but "régime" and "gouvernement" need a country or a leader (RN5): le « régime céto »
    strong = start > 0 and doc[start - 1].text in QUOTES and head not in GOVERNMENT_HEADS
    while (
        i < n
        and _is_adj(doc[i])
        and not doc[i].is_punct
        and not _governs(doc, start, i)
        and _agrees(doc[start], doc[i])
        # "une armée russe glorifiée": a participle after the country describes the body
        and not (
            i > start + 1
            and is_nationality(doc[i - 1])
            and (
                doc[i].morph.get("VerbForm", []) == ["Part"]
                or doc[i].lower_.endswith(("é", "ée", "és", "ées"))
            )
        )
    ):
        strong = (
            strong
            or is_nationality(doc[i])
            or doc[i].lower_ in LEADER_ADJECTIVES  # "régime taliban", "gouvernement castriste"
            or (doc[i].lower_ in BODY_ADJECTIVES and head not in GOVERNMENT_HEADS)
        )  # "commission électorale" names a body, "gouvernement fédéral" does not (RN5)
        i += 1
        qualified = True
        if _coordinated_adjective(doc, i):
            i += 1  # "Comité olympique et paralympique": one body qualified twice
        elif _distributed_countries(doc, start, i):
            i += 2  # "gouvernements taïwanais et américain": a singular adjective each
    adjectived = i > start + 1
    adjectives_end = i
    if head in PARTY_GROUP_HEADS and not capital:
        # "le groupe (parlementaire) socialiste": a party's adjective makes the name, which
        # ends there; no other name or place does ("le groupe Fight for the Future": the kind
        # noun before a name, RA4)
        party = any(t.lower_ in BODY_ADJECTIVES for t in doc[start + 1 : i])
        return i if party else None
    if i == start + 1 and head in TEAM_HEADS and i < n and doc[i].ent_type_ == "PER":
        return None  # "en sélection Sadio Mané": a player, not a team
    named = False  # the head is followed by its proper name: "université Monash"
    if i == start + 1:
        # a name right after the head: "administration Trump", "université George Mason"
        k = i
        while k < n and (
            (
                (doc[k].pos_ in {"PROPN", "NOUN", "X"} or doc[k].ent_type_ == "PER")
                and doc[k].text[:1].isupper()
                and doc[k].is_alpha
                and doc[k].lower_ not in PLACE_WORDS
                and doc[k].text not in PERSON_CUES
                # a capitalised head's name goes on where the parser cut a sentence
                and not (_sentence_opens(doc, k) if capital else doc[k].is_sent_start)
            )
            # a regnal number after a name: "université Mohammed V", "Hassan II"
            or (k > i and ROMAN_NUMERAL.fullmatch(doc[k].text) is not None)
        ):
            k += 1
        if k > i:
            # (an acronym, "SOAS", is not read as a name)
            named = not doc[k - 1].is_upper or (
                k - 1 > i and ROMAN_NUMERAL.fullmatch(doc[k - 1].text) is not None
            )
            i, qualified, strong = k, True, True
    last_place = False
    last_cap = False  # the last complement was a proper name ("de Sydney", "de l'Afrique")
    while i < n and i - start < MAX_INSTITUTION and not (last_place and not capital):
        j = i
        if doc[j].lower_ not in CONNECTORS or doc[j].text[:1].isupper():
            break
        if doc[j].lower_ == "et":
            if i == start + 1:
                break  # "de la police et des soldats": two nouns, not a name with two fields
            j += 1
            if j >= n or doc[j].lower_ not in CONNECTORS - {"et"}:
                break
            k = j + 1
            while k < n and doc[k].lower_ in DETS:
                k += 1
            if k < n and doc[k].lower_ in SECOND_BODIES:
                break  # "du Conseil constitutionnel et de la commission électorale": two bodies
        if (doc[j].lower_, doc[j + 1].lower_ if j + 1 < n else "") in ADVERBIAL_PHRASES:
            break  # "la Fédération nigériane de football de nouveau suspendue"
        connector = doc[j].lower_
        if (
            not capital
            and connector in PLACING_LINKS
            and any(is_nationality(t) for t in doc[start:i])
        ):
            break  # "forces armées américaines en opération", "l'armée américaine à la
            # Wehrmacht": a country's body is named by its adjective; what follows places it
        j += 1
        bare = True
        while j < n and (
            doc[j].lower_ in DETS
            or (doc[j].lower_ in PREDETERMINERS and j + 1 < n and doc[j + 1].lower_ in DETS)
        ):
            j += 1
            bare = False
        if j >= n:
            break
        word = doc[j]
        if connector == "sur" and word.text in PLATFORMS:
            break  # "le ministère de l'information sur Facebook": where it wrote (RN2)
        if connector in ANOTHER_BODY_LINKS and word.lower_ in ANOTHER_BODY_HEADS:
            break  # rule another_body: "l'Institut de l'Afrique à l'Académie des sciences",
            # "le Parti national pour la chambre basse": the second body is no part of the name
        if (last_place or last_cap) and connector in AFTER_PLACE_ENDS and word.is_lower:
            break  # "l'Université de technologie de Sydney sur les moyens de ...": the name
            # ended with its place or proper name
        if connector in {"au", "aux"} and (
            word.pos_ == "ADJ"
            or (word.text[:1].isupper() and word.lower_ in INSTITUTION_HEADS)
            or (word.is_upper and word.is_alpha and len(word) > 1)
        ):
            break  # "du Parti communiste au second semestre", "... au Parti communiste", "le
            # laboratoire de référence ... au ZRI": a unit of the body named by its acronym (O4)
        if head in HOST_HEADS and connector in OF and bare and word.is_lower and (
            word.morph.get("Number", []) == ["Plur"]
        ):
            return None  # "une armée d'avocats", "une armée de bénévoles": a crowd, no body
        if head in GOVERNMENT_HEADS and connector in OF_OR_DU:
            led = _leader_end(doc, j)
            if led is not None:
                i, qualified, strong = led, True, True
                break  # "l'administration du président américain X" (RN5)
        place_here = False
        content = word.pos_ in {"NOUN", "PROPN", "ADJ", "X"} and not word.is_digit
        if (word.is_punct or not content) and not (word.text[:1].isupper() and word.is_alpha):
            break
        is_cap = word.text[:1].isupper()
        a_place = word.lower_ in PLACE_WORDS or (
            is_cap
            and (
                # (a ministry's portfolio the NER read as a place is no place: "ministères
                # de la Santé et de l'Éducation")
                (
                    word.ent_type_ in {"LOC", "GPE"}
                    and not (head in MINISTRY_HEADS and word.pos_ == "NOUN")
                )
                or (connector not in ANOTHER_BODY_LINKS and fold(word.text) in COUNTRIES)
            )
        )
        if is_cap and field_named and not a_place:
            return None  # "la commission d'éthique de la Fifa": a unit of the Fifa (O4); but
            # "le syndicat des footballeurs du Cameroun" is the country's (RN11)
        if is_cap and head in TEAM_HEADS and any(is_nationality(t) for t in doc[start:i]):
            return None  # "l'équipe belge d'Anderlecht": the club is the name
        if named and word.lower_ in INSTITUTION_HEADS:
            break  # rule named_body: "l'Institut Griffith de l'Université d'Oxford", two bodies
            # ("le département X de santé ... de l'université d'Oxford" too)
        if (
            named
            and is_cap
            and not capital
            and head in NAMED_PLACE_HEADS
            and connector in OF_OR_DU
            and not _particle_name(doc, j)
        ):
            break  # rule named_place: "l'université Monash de Melbourne" is placed by its town,
            # the name is "université Monash"
        if a_place:  # (a country counts where the NER read it as MISC: "en Irak")
            if doc[i].lower_ not in {"de", "du", "des", "d'", "d’"}:
                break  # 'au Maroc', 'en France' locate, they do not name
            if not capital and head not in PLACE_HEADS and not qualified:
                break
            strong = True
            last_place = place_here = True
        elif not is_cap and word.lower_ in TIME_NOUNS:
            break  # "la police de l'époque", "l'Union soviétique au début": a time, not the name
        elif not is_cap and word.lower_ in DESCRIPTIVE:
            return None  # "la fédération du pays": a description (RN11)
        elif not is_cap and word.lower_ in PERSON_TITLES:
            break  # "la Cour suprême contre le président": a person, not the name
        elif not is_cap and word.lower_ in CUSTOMS:
            pass  # "le service fédéral des douanes": its field, not a second body
        elif not is_cap and not capital and head == "cour" and not qualified and (
            word.lower_ not in COURT_COMPLEMENTS
        ):
            return None  # "la cour de l'école", "la cour du bloc": a courtyard, no court
        elif not is_cap and not capital and word.lower_ in INSTITUTION_HEADS:
            return None  # "département de psychologie de l'université": a unit of another body
        elif not is_cap and not capital and head not in LOWER_FIELD_HEADS:
            break
        elif is_cap and (head in LEADER_HEADS or head in MINISTRY_HEADS):
            strong = True  # "régime de Castro", "gouvernement de Niamey", "université d'Oxford",
            # "ministères de la Santé et de l'Éducation"
        elif (
            not is_cap
            and not capital
            and (head in FIELD_NAME_HEADS or (head in QUALIFIED_FIELD_HEADS and adjectived))
            and definite
            and word.lower_ not in VAGUE_FIELDS
        ):
            strong = field_named = True  # "l'autorité de la santé mentale"
        i = j + 1
        if field_named or (not is_cap and head in FIELD_HEADS):
            i = _trade_list_end(doc, i)  # "syndicat des médecins, pharmaciens et dentistes"
        if place_here:
            i = max(i, _place_end(doc, j))  # "de Côte d'Ivoire", "de l'Afrique du Sud"
        after_lower = not is_cap
        last_cap = is_cap
        while (
            i < n
            and not doc[i].is_punct
            and (
                (doc[i].text[:1].isupper() and not after_lower)
                or _is_adj(doc[i])
                or doc[i].lower_ in COURT_COMPLEMENTS
                or _name_participle(doc, i)
                or _parsed_qualifier(doc, start, i)
                or (doc[i].lower_ in NEGATIONS and i + 1 < n and (
                    _is_adj(doc[i + 1]) or _parsed_qualifier(doc, start, i + 1)))
            )
            and doc[i].lower_ not in CONNECTORS
            and (
                not _governs(doc, start, i)
                or _name_participle(doc, i)
                or _parsed_qualifier(doc, start, i)
                # a capitalised word inside the NER's entity is no verb: "de Nottingham Trent"
                or (doc[i].ent_iob_ == "I" and doc[i].text[:1].isupper() and not after_lower)
            )
            and not (last_place and doc[i].ent_type_ == "PER")  # "du Sénégal Edouard Mendy"
        ):
            strong = strong or is_nationality(doc[i])
            i += 1
            if _coordinated_adjective(doc, i) and doc[i - 1].is_lower:
                i += 2  # "de santé reproductive et féminine": one field qualified twice
        qualified = True
    if not qualified or (weak and not strong):
        return None
    if not capital and head in PLURAL_KIND_HEADS and i == adjectives_end:
        return None  # "au sein des départements américains": several bodies, none named
    if not capital and head in KIND_ONLY_HEADS and i == adjectives_end == start + 2:
        return None  # "L'agence européenne attribue ...": a description of a body named before
    if head in NATIONAL_ONLY_HEADS and any(t.lower_ in GENERIC_FIELDS for t in doc[start:i]):
        return None  # "les services de sécurité (marocains)": a generic group (ANNOTATION.md)
    if head in NATIONAL_ONLY_HEADS and not any(is_nationality(t) for t in doc[start + 1 : i]):
        return None  # "les services de renseignement britanniques" (RN4); not "services Google"
    while i - 1 > start and doc[i - 1].lower_ in CONNECTORS | DETS:
        i -= 1
    if (head in EMBASSY_HEADS and last_place) or (
        head == "chambre" and any(t.lower_ == "commerce" for t in doc[start:i])
    ):
        i = _host_country(doc, i)  # "Chambre de commerce britannique en Chine": its host too
    return _to_acronym(doc, start, i)


def _trade_list_end(doc: Doc, i: int) -> int:
    """End of a list of bare plural nouns that goes on a plural field ending at ``i``:
    ", pharmaciens et dentistes" after "syndicat des médecins" names the trades of one body;
    ``i`` itself when no such list follows."""
    n = len(doc)
    if i >= n or doc[i].text != "," or "Plur" not in doc[i - 1].morph.get("Number", []):
        return i
    k = i
    while k + 1 < n and doc[k].text == ",":
        if not _bare_plural(doc[k + 1]):
            return i
        k += 2
    if k + 1 < n and doc[k].lower_ == "et" and _bare_plural(doc[k + 1]):
        return k + 2
    return i


def _bare_plural(tok: Token) -> bool:
    """A lower-case plural noun with no determiner ("pharmaciens")."""
    return tok.is_lower and tok.pos_ == "NOUN" and "Plur" in tok.morph.get("Number", [])


def _verb_of(tok: Token, lemmas: set[str]) -> bool:
    """A verb of ``lemmas``, also where the lemmatizer left a form alone ("joue", "signait")."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    return tok.lemma_ in lemmas or any(
        lemma.endswith("er") and tok.lower_.startswith(lemma[:-2]) for lemma in lemmas
    )


def _describes_a_name(doc: Doc, end: int) -> bool:
    """Rule describes_name: a lower-case description ends right before a body's name, or before
    it in apposition between commas ("l'agence américaine X", "l'agence de presse russe, X,")."""
    n = len(doc)
    k = end
    comma = k < n and doc[k].text == ","
    if comma:
        k += 1
        if k < n and doc[k].lower_ in DETS:
            k += 1
    first = k
    while k < n and k - first < 5 and (_name_word(doc[k]) or (k > first and _cap_word(doc[k]))):
        k += 1
    if k == first or fold(doc[first:k].text) in COUNTRIES or doc[first].lower_ in PLACE_WORDS:
        return False  # "l'armée malienne, Bamako ..."
    if doc[first].ent_type_ in {"LOC", "GPE"} and not comma:
        return False
    if comma and doc[first:k].text.isupper():
        return False  # an acronym is its own span beside the spelt-out name (ANNOTATION.md)
    return not comma or (k < n and doc[k].text in {",", ")", ".", ";"})


def _distributed_countries(doc: Doc, start: int, i: int) -> bool:
    """Token ``i`` is "et" between two singular country adjectives after a plural head: one
    span for the bodies sharing it ("les gouvernements taïwanais et américain"); plural
    adjectives ("forces françaises et étrangères") qualify two groups."""
    return (
        i + 1 < len(doc)
        and doc[i].lower_ == "et"
        and doc[start].morph.get("Number", []) == ["Plur"]
        and all(
            is_nationality(t) and t.morph.get("Number", []) != ["Plur"]
            for t in (doc[i - 1], doc[i + 1])
        )
    )


def _leader_end(doc: Doc, j: int) -> int | None:
    """End of a leader named by title, country adjectives and name from token ``j``
    ("président américain Joe Biden", "Premier ministre X"), or None."""
    n = len(doc)
    if j >= n or doc[j].lower_ not in LEADER_TITLES:
        return None
    k = j + 1
    if doc[j].lower_ in {"premier", "première"}:
        if k >= n or doc[k].lower_ != "ministre":
            return None
        k += 1
    while k < n and is_nationality(doc[k]):
        k += 1
    end = k
    while end < n and end - k < 4 and (
        (_name_word(doc[end]) and doc[end].ent_type_ == "PER")
        or (end > k and len(doc[end].text) == 2 and doc[end].text[0].isupper()
            and doc[end].text[1] == ".")  # an initial: "George W. Bush"
    ):
        end += 1
    while end > k and doc[end - 1].text.endswith("."):
        end -= 1  # no initial ends the name
    return end if end > k else None


def _named_kind_before(doc: Doc, k: int) -> int | None:
    """The body kind noun a naming participle at ``k`` follows, maybe after its qualifiers
    ("une organisation à but non lucratif appelée", "un réseau de médias sociaux spécialisé
    appelé", "une société française, appelée"): its index, else None."""
    k -= 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    steps = 0
    while k >= 0 and steps <= MAX_CUE_WORDS:
        tok = doc[k]
        if not tok.is_lower or not (tok.is_alpha or "-" in tok.text):
            return None
        if tok.lower_ in NAMING_KINDS and tok.pos_ != "ADJ":
            return k
        if tok.lower_ in THING_NOUNS or tok.pos_ in {"VERB", "AUX", "PRON", "DET", "CCONJ"}:
            return None
        k -= 1
        steps += 1
    return None


def _brand_word(tok: Token) -> bool:
    """A capitalised word of a name, also one written with a dot or digits ("Pol.is")."""
    text = tok.text
    return _name_word(tok) or (
        text[:1].isupper()
        and not tok.is_punct
        and not tok.is_sent_start
        and any(c.isalpha() for c in text)
        and all(c.isalnum() or c in ".-&" for c in text)
        and not text.endswith(".")
    )


def _clitic_verb(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is a verb with a hyphenated pronoun after it ("Excusez-moi",
    "Imaginez-vous"): no word of a name."""
    if k + 1 >= len(doc):
        return False
    after = doc[k + 1].text
    return after[:1] in {"-", "‑"} and after[1:].lower() in HYPHEN_CLITICS


def before_adjectives(doc: Doc, k: int, *, reach: int = 2, superlative: bool = False) -> int:
    """The token before at most ``reach`` lower-case adjectives that end at token ``k`` ("une
    petite entreprise"); with ``superlative``, the "plus" of one counts as one of them ("la
    plus grande banque")."""
    for _ in range(reach):
        if k > 0 and (
            (doc[k].is_lower and doc[k].pos_ == "ADJ")
            or (superlative and doc[k].lower_ == "plus")
        ):
            k -= 1
    return k


def _kind_after_comma(doc: Doc, c: int) -> int | None:
    """Token ``c`` is a kind noun of ", une société", ", le premier opérateur", ", la plus grande
    banque": the index of the comma before, else None."""
    k = before_adjectives(doc, c - 1, reach=3, superlative=True)  # "la plus grande banque"
    if k < 2 or doc[k].lower_ not in {"un", "une", "le", "la", "l'", "l’"}:
        return None
    return k - 1 if doc[k - 1].text == "," else None


def _one_of_kind(doc: Doc, c: int) -> int | None:
    """Token ``c`` is a plural kind noun of ", l'une des (plus grandes) X" / ", un des X":
    the index of the comma before, else None."""
    if doc[c].lower_ not in KIND_PLURALS or not doc[c].is_lower:
        return None
    # "des plus grandes organisations", "des principales sociétés"
    k = before_adjectives(doc, c - 1, superlative=True)
    if k < 2 or doc[k].lower_ != "des" or doc[k - 1].lower_ not in {"un", "une"}:
        return None
    k -= 2
    if doc[k].lower_ in {"l'", "l’"}:
        k -= 1
    return k if k > 0 and doc[k].text == "," else None


def _list_around(doc: Doc, start: int, end: int, known: dict[int, int]) -> list[tuple[int, int]]:
    """The names of the list of bare names the name ``start:end`` is in: names joined by commas,
    the last by "et"/"ou"; a name is one the rules know or up to four capitalised words."""
    n = len(doc)
    items = [(start, end)]
    k = start
    while k > 1 and doc[k - 1].text == "," and len(items) < MAX_LIST:
        b = k - 1
        a = b
        while a > 0 and b - a < 4 and _cap_word(doc[a - 1]) and doc[a - 1].text not in NON_NAMES:
            a -= 1
        if a == b:
            break
        items.insert(0, (a, b))
        k = a
    k = end
    while k + 1 < n and (doc[k].text == "," or doc[k].lower_ in {"et", "ou"}) and (
        len(items) < MAX_LIST
    ):
        last = doc[k].lower_ in {"et", "ou"}
        a = k + 1
        b = known.get(a) or _name_end(doc, a, 4, _name_word)
        if b == a:
            break
        items.append((a, b))
        k = b
        if last:
            break
    if len(items) == 1 or (len(items) == 2 and doc[items[0][1]].lower_ not in {"et", "ou"}):
        return []  # one name, or two joined by a comma only
    return items


def _person_words(doc: Doc, span: Span) -> bool:
    """A word of the span belongs to a person the NER names with two words or more somewhere
    in the text ("Joe X", later "X"); a one-word PER reading is no proof (it often reads an
    unknown firm so)."""
    persons = {t.i for e in doc.ents if e.label_ == "PER" and len(e) > 1 for t in e}
    if any(t.i in persons for t in span):
        return True
    names = {doc[i].text for i in persons}
    return any(t.text in names for t in span)


def _named_person_before(doc: Doc, k: int) -> bool:
    """Rule person_of: token ``k`` ("de", "du") follows a person the NER names with two words or
    more ("déclare Awa Diop de X"): who speaks is placed by the body they belong to."""
    prev = doc[k - 1]
    return (
        prev.ent_type_ == "PER"
        and (k == len(doc) or doc[k].ent_iob_ != "I")
        and prev.ent_iob_ == "I"
        and prev.is_title
    )


def _role_before(doc: Doc, k: int, roles: set[str]) -> bool:
    """The one to three words right before token ``k`` are a role of ``roles`` ("PDG",
    "directeur général", "rédacteur en chef")."""
    if k == 0:
        return False
    if doc[k - 1].lower_ in roles:
        return True
    if doc[k - 1].lower_ not in ROLE_LAST_WORDS:
        return False
    return any(
        k - size >= 0 and " ".join(t.lower_ for t in doc[k - size : k]) in roles
        for size in (2, 3)
    )


def _name_goes_on_with_of(doc: Doc, end: int) -> bool:
    """After a cued name, "de"/"du" and a capitalised word or a body's head word that is no
    country or well-known place: the name goes on ("X de Ravenna") or belongs to another body
    ("le service Grands Lacs de la BBC"); "le journal X du Portugal" only places it."""
    n = len(doc)
    if end + 1 >= n or doc[end].lower_ not in OF_OR_DU:
        return False
    k = end + 1
    while k < n and doc[k].lower_ in DETS:
        k += 1
    if k >= n:
        return False
    word = doc[k]
    if word.is_lower:
        return word.lower_ in INSTITUTION_HEADS  # "du laboratoire X de l'université de Y"
    return (
        _cap_word(word) and word.lower_ not in PLACE_WORDS and fold(word.text) not in COUNTRIES
    )


def _of_name_start(doc: Doc, start: int) -> int:
    """Rule of_name: a name after "de" that hangs on a name or a group noun before it is the
    place or the leader that names that body: the kind apposed after it describes the whole ("CMC
    de Ravenna, la société italienne", "membre du cartel de Cali, un gang rival"); a role there
    leads the body ("le PDG de X, une entreprise")."""
    if start < 2 or doc[start - 1].lower_ not in OF or doc[start].head.i != start - 2:
        return start
    head = doc[start - 2]
    if head.lower_ in GROUP_NOUNS or (
        head.pos_ == "PROPN"
        and _cap_word(head)
        and head.lower_ not in COMPANY_ROLES | SPEAKER_ROLES | PERSON_TITLES
        and head.ent_type_ != "PER"
    ):
        return start - 2
    return start


def _name_tail(doc: Doc, start: int, end: int) -> int:
    """Rule name_tail: a proper name that closes the phrase right after the body's adjective or
    "université" is the body's own name ("l'Institut royal Elcano.", "la force iranienne Al Qods
    - qui ...", "de l'université John Hopkins."); a name that goes on into a clause ("la
    Fédération égyptienne Hani Abou Rida indique") is someone else's."""
    n = len(doc)
    last = doc[end - 1]
    if end - start < 2 or not (_is_adj(last) or last.lower_ in NAMED_PLACE_HEADS):
        return end
    k = end
    while k < n and k - end < MAX_TAIL_WORDS and doc[k].pos_ == "PROPN" and doc[k].is_title:
        k += 1
    if k == end or k >= n or not doc[k].is_punct or not start <= doc[end].head.i < end:
        return end
    return k


def _campus_end(doc: Doc, start: int, end: int) -> int:
    """Rule campus: a university named by a state or province of several campuses takes its
    campus town after "à" or between commas ("université de Californie à Berkeley", "Université
    de Californie, Davis, ..."); a country there only places it ("..., Royaume-Uni")."""
    n = len(doc)
    if (
        doc[start].lower_ != "université"
        or end + 1 >= n
        or doc[end].text not in {"à", ","}
        or fold(doc[end - 1].text) not in CAMPUS_SYSTEMS
    ):
        return end
    k = end + 1
    while k < n and k - end <= 3 and _name_word(doc[k]):
        k += 1
    town = doc[end + 1 : k]
    if (
        len(town) == 0
        or fold(town.text) in COUNTRIES
        or town.text.lower() in PLACE_WORDS
        or (len(town) > 1 and all(t.ent_type_ == "PER" for t in town))
        or (doc[end].text == "," and k < n and doc[k].text not in {",", ".", ";", ")"})
    ):
        return end
    return k


def _parsed_qualifier(doc: Doc, start: int, i: int) -> bool:
    """Rule parsed_qualifier: a lower-case word the tagger read as a noun or a participle but
    the parser as an adjective of a word of the name is part of the name ("département X de
    santé reproductive", "bureau chinois d'ingénierie spatiale habitée"), unless it opens a
    clause ("chargé du dossier", "basé à Lagos")."""
    tok = doc[i]
    return (
        tok.is_lower
        and tok.is_alpha
        # after a proper name or a place it is a verb the tagger misread ("l'Institut
        # Pasteur de Dakar produit des vaccins")
        and doc[i - 1].is_lower
        and tok.dep_ == "amod"
        and tok.pos_ in {"NOUN", "VERB"}
        and start <= tok.head.i < i
        and tok.lemma_.lower() not in CLAUSE_PARTICIPLES
        and not (i + 1 < len(doc) and doc[i + 1].lower_ in CLAUSE_OPENERS)
    )


def _coordinated_adjective(doc: Doc, i: int) -> bool:
    """Token ``i`` is "et" before a second lower-case adjective of the same name ("olympique et
    paralympique"); "et" before a country adjective joins two bodies ("armée malienne et
    française")."""
    return (
        i + 1 < len(doc)
        and doc[i].lower_ == "et"
        and not is_nationality(doc[i - 1])  # "forces françaises et étrangères": two groups
        and doc[i + 1].is_lower
        and doc[i + 1].pos_ == "ADJ"
        and not is_nationality(doc[i + 1])
        and _is_adj(doc[i + 1])
    )


def _noun_complement(doc: Doc, i: int) -> bool:
    """Token ``i`` is a bare complement of a lower-case noun: "poste de police", "unités de
    police", "agents de douane" say what kind of thing, they name no body."""
    return (
        i >= 2
        and doc[i].morph.get("Number", []) != ["Plur"]  # "le nombre de forces américaines" (RN4)
        and doc[i - 1].lower_ in OF
        and doc[i - 2].is_lower
        and doc[i - 2].pos_ == "NOUN"
        and doc[i - 2].lower_ not in INSTITUTION_HEADS - NATIONAL_ONLY_HEADS
    )


def _activity_noun(doc: Doc, i: int) -> bool:
    """Token ``i`` names a trade, not a body: "société de conseil", "conseil en sécurité"."""
    tok = doc[i]
    if tok.lower_ not in ACTIVITY_HEADS:
        return False
    after_trade = (
        i > 1
        and doc[i - 1].lower_ in OF
        and (doc[i - 2].lower_ in COMPANY_CUES or doc[i - 2].lower_ in MEDIA_CUES)
    )
    return after_trade or (i + 1 < len(doc) and doc[i + 1].lower_ == "en")


def _read_as_one_name(doc: Doc, i: int, j: int) -> int:
    """End of the NER entity that starts at ``i`` and runs over capitalised words from ``j``
    on, or 0: the NER read "Clippers de Los Angeles", "Blades de Saskatoon" as one name, so
    it tags no place inside it."""
    if doc[i].ent_iob_ != "B":
        return 0
    k = i + 1
    while k < len(doc) and doc[k].ent_iob_ == "I":
        k += 1
    words = doc[j:k]
    if len(words) == 0 or not all(t.text[:1].isupper() and t.is_alpha for t in words):
        return 0
    return k


def _place_end(doc: Doc, j: int) -> int:
    """End of a place name of several words that starts at ``j``: "Côte d'Ivoire", "Afrique du Sud".

    From the lexicon's ``multiword_places``, else from the NER's LOC/GPE entity.
    """
    for size in range(MAX_PLACE_WORDS, 1, -1):
        if j + size <= len(doc) and _place_key(doc[j : j + size]) in MULTIWORD_PLACES:
            return j + size
    k = j + 1
    if doc[j].ent_type_ in {"LOC", "GPE"}:
        while k < len(doc) and doc[k].ent_iob_ == "I" and doc[k].ent_type_ == doc[j].ent_type_:
            k += 1
    return k


def _particle_name(doc: Doc, j: int) -> bool:
    """The capitalised words from ``j`` go on a name with a particle, another "de" and a
    capitalised word follow them ("Pablo [de Olavide] de Séville"); a place of several words
    ("Caroline du Nord") does not."""
    n = len(doc)
    k = j
    while k < n and doc[k].text[:1].isupper() and doc[k].is_alpha:
        k += 1
    return (
        _place_end(doc, j) <= k
        and k + 1 < n
        and doc[k].lower_ in OF_OR_DU
        and doc[k + 1].text[:1].isupper()
    )


def _country_named(span: Span) -> bool:
    """A country's name is among the words of ``span`` ("équipe pour amputés du Nigeria")."""
    return any(fold(t.text) in COUNTRIES for t in span) or any(
        _place_key(span.doc[t.i : _place_end(span.doc, t.i)]) in MULTIWORD_PLACES
        for t in span
        if t.text[:1].isupper()
    )


def _place_key(words: Span) -> str:
    return "".join(t.lower_ + t.whitespace_ for t in words).strip().replace("’", "'")


def _host_country(doc: Doc, i: int) -> int:
    """End of an embassy's name with its host country: "ambassade du Cameroun [en Chine]"."""
    if i + 1 < len(doc) and doc[i].lower_ in {"en", "au", "aux"}:
        word = doc[i + 1]
        if word.lower_ in PLACE_WORDS or word.ent_type_ in {"LOC", "GPE"}:
            end = i + 2
            while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha and (
                doc[end].ent_type_ in {"LOC", "GPE"}
            ):
                end += 1
            return end
    return i


def _country_amod(tok: Token) -> bool:
    """A country adjective on a noun, whatever its tag ("les forces russes après
    l'invasion": "russes" tagged a verb)."""
    return tok.dep_ == "amod" and is_nationality(tok)


def _governs(doc: Doc, start: int, i: int) -> bool:
    """Token ``i`` is the predicate whose subject is the head word (the name ends before it)."""
    tok = doc[i]
    if _country_amod(tok) and tok.head.i == start:
        return False
    return tok.pos_ in {"VERB", "AUX"} or (
        doc[start].head.i == i and doc[start].dep_.startswith("nsubj")
    )


def _to_acronym(doc: Doc, start: int, end: int) -> int:
    """Stretch a name to its acronym in parentheses when only lower-case words stand between.

    "Parti nigérien pour la démocratie [et le socialisme] (PNDS)": the acronym's
    letters must be initials of the name's words.
    """
    if not doc[start].text[:1].isupper():
        return end
    k = end
    while k < len(doc) and k - end <= 6 and doc[k].text != "(":
        tok = doc[k]
        if not tok.is_alpha or not tok.is_lower or tok.pos_ in {"VERB", "AUX"}:
            return end
        k += 1
    if k == end or k + 2 >= len(doc) or doc[k].text != "(" or doc[k + 2].text != ")":
        return end
    acro = doc[k + 1].text
    if not ACRONYM.match(acro) or not acro.isupper():
        return end
    if k - end <= 2:
        return k  # "Institut national des maladies [transmissibles] (NICD)"
    initials = {t.text[0].upper() for t in doc[start:k] if t.is_alpha and len(t) > 3}
    letters = [ch for ch in acro if ch.isalpha()]
    if sum(ch in initials for ch in letters) < 0.75 * len(letters):
        return end
    return k


def is_sport_text(doc: Doc) -> bool:
    """The text is about team sport: it uses enough different sport words (RN1).

    Computed on first use, then kept in ``doc.user_data[SPORT_KEY]`` for the later
    components (the ORG linker asks again).
    """
    found = doc.user_data.get(SPORT_KEY)
    if found is None:
        seen = {t.lower_ for t in doc if t.lower_ in SPORT_CUES}
        found = len(seen) >= SPORT_MIN_CUES
        doc.user_data[SPORT_KEY] = found
    return bool(found)


def _name_end(doc: Doc, i: int, limit: int, is_word: Callable[[Token], bool]) -> int:
    """Where a name of at most ``limit`` tokens from ``i`` ends: words that pass ``is_word``,
    and inside it English function words that lead to a capitalised word ("Society for the
    Protection")."""
    end = i
    while end < len(doc) and end - i < limit and (
        is_word(doc[end])
        or (end > i and doc[end].text in ENGLISH_FUNCTION and _function_run_to_name(doc, end))
    ):
        end += 1
    return end


def _function_run_to_name(doc: Doc, i: int) -> bool:
    """English function words from ``i`` lead to a capitalised word: "Fight [for the] Future"."""
    k = i
    while k < len(doc) and k - i < 3 and doc[k].text in ENGLISH_FUNCTION:
        k += 1
    return k < len(doc) and _cap_word(doc[k])


def _joined_hyphen(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen joining two lower-case words without spaces."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i - 1].is_lower
        and doc[i + 1].is_lower
    )


def town_after_a(doc: Doc, cand: Candidate, others: list[Candidate], kb: KnowledgeBase) -> bool:
    """Rule town_after_a: a club short name after "à", in a sentence with no sport word and no
    other club, is the town ("elle gagne ensuite à Leipzig", "le film est censuré à Lyon").
    RN1 keeps "prêté à Metz" (a sport word) and "deux ans à Southampton avant de rejoindre
    Tottenham" (another club); a text is about sport as a whole, its sentences need not be."""
    if (
        cand.source != "club"
        or cand.end - cand.start != 1
        or cand.start == 0
        or doc[cand.start - 1].lower_ != "à"
    ):
        return False
    start, end = _sentences_around(doc, cand.start, 0)
    return not _has_sport_word(doc[start:end]) and not any(
        other.start != cand.start and start <= other.start < end and _is_club(other, kb)
        for other in others
    )


def far_from_sport(
    doc: Doc, cand: Candidate, others: list[Candidate], kb: KnowledgeBase
) -> bool:
    """Rule far_from_sport: a club's short name with no sport word and no other club in its
    sentence or within ``SPORT_REACH`` sentences of it is a town: a text that is about sport
    as a whole may still name towns ("entre Lens et Béthune"); "jeune prodige de Santos"
    after "le Real" is kept."""
    if cand.source != "club" or cand.end - cand.start != 1:
        return False
    start, end = _sentences_around(doc, cand.start, SPORT_REACH)
    name = doc[cand.start].text
    return not _has_sport_word(doc[start:end]) and not any(
        start <= other.start < end
        and doc[other.start : other.end].text != name
        and _is_club(other, kb)
        for other in others
    )


def _sentences_around(doc: Doc, i: int, reach: int) -> tuple[int, int]:
    """The token range of the sentence of token ``i`` and ``reach`` sentences each side."""
    sent = doc[i].sent
    start, end = sent.start, sent.end
    for _ in range(reach):
        if start > 0:
            start = doc[start - 1].sent.start
        if end < len(doc):
            end = doc[end].sent.end
    return start, end


def _has_sport_word(tokens: Span) -> bool:
    """Whether a sport word is among ``tokens`` (RN1)."""
    return any(t.lower_ in SPORT_CUES for t in tokens)


def _is_club(cand: Candidate, kb: KnowledgeBase) -> bool:
    """Whether a candidate is a club: found by a club rule, or a club of the knowledge base."""
    return cand.source in CLUB_RULES or (
        cand.kb_id is not None and kb.entries[cand.kb_id].type == "club"
    )


def located(doc: Doc, i: int) -> bool:
    """Token ``i`` names a town: "né à Lille", "près de Lens", "en Lorraine"."""
    if i > 0 and doc[i - 1].lower_ in LOCATIVES:
        return True
    return i > 1 and doc[i - 1].lower_ in OF_OR_TO and doc[i - 2].lower_ in LOCATIVES


def _inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    """The words are part of a longer capitalised name: "Walt Disney", "Samsung Electronics";
    not where that longer name is a thing's, named after the body (RN9: "Zorvup World Poll"),
    nor a national branch ("Jumia Kenya", rule subsidiary)."""
    before = (
        start > 0
        and _name_word(doc[start - 1], marked=True)
        and doc[start - 1].text not in LEADING
        and not _opening_particle(doc, start - 1)
    )
    after = (
        end < len(doc)
        and _name_word(doc[end])
        and not _thing_tail(doc, end)
        and not _country_after(doc, end)
    )
    return before or after


def _opening_particle(doc: Doc, i: int) -> bool:
    """Whether a capitalised word opens a sentence and is a preposition, adverb or
    conjunction ("Outre Jumia, il existe ..."): no word of a name."""
    opens = i == 0 or doc[i - 1].is_punct or doc[i - 1].is_space or bool(doc[i].is_sent_start)
    return opens and doc[i].pos_ in {"ADP", "ADV", "SCONJ", "CCONJ"}


def _country_after(doc: Doc, i: int) -> int:
    """The number of words of a country's name that starts at token ``i`` and ends a name
    (no capitalised word, hyphen or apostrophe goes on after it), else 0."""
    if i >= len(doc) or not doc[i].text[:1].isupper() or not doc[i - 1].whitespace_:
        return 0
    for k in (3, 2, 1):
        last = i + k
        if last > len(doc) or fold(doc[i:last].text.replace("’", "'")) not in COUNTRIES:
            continue
        if last < len(doc) and (doc[last].text in {"-", "'", "’"} or _cap_word(doc[last])):
            return 0  # "Orange Côte-d'Ivoire Telecom": a longer name goes on
        return k
    return 0


def _thing_tail(doc: Doc, i: int) -> bool:
    """The capitalised words from ``i`` end with a last word of a thing's name (a poll, a prize,
    an index: ``non_body_tails``)."""
    k = i
    while k < len(doc) and k - i < 3 and _name_word(doc[k]):
        if doc[k].text in NON_BODY_TAILS:
            return True
        k += 1
    return False


def _model_number(doc: Doc, i: int) -> bool:
    """Token ``i`` is a model number after a maker's name: "Boeing 747", "Airbus A320"."""
    if i >= len(doc):
        return False
    tok = doc[i]
    return tok.like_num or (any(c.isdigit() for c in tok.text) and tok.text[:1].isupper())


def before_place(doc: Doc, i: int) -> bool:
    """Token ``i`` starts a longer name: "Lions du Sénégal", "Espanyol de Barcelone"."""
    return (
        i + 2 < len(doc)
        and doc[i + 1].lower_ in OF_OR_DU
        and doc[i + 2].text[:1].isupper()
        and doc[i + 2].is_alpha
        and doc[i + 2].ent_type_ != "PER"  # "le Barcelone de Messi" is the club
    )


def _inside_name(doc: Doc, i: int) -> bool:
    """Token ``i`` ends a longer name: "Stade de Reims", "Racing Club de Lens"."""
    return (
        i > 1
        and doc[i - 1].lower_ in OF
        and _cap_word(doc[i - 2])
        and not doc[i - 2].is_sent_start
    )


def _name_word(tok: Token, *, marked: bool = False) -> bool:
    """A capitalised word that continues a name (not a sentence start, not a day); with
    ``marked``, only a sentence start after a mark counts as one."""
    opens = _opens_sentence(tok) if marked else tok.is_sent_start
    return _cap_word(tok) and not opens and tok.text not in NON_NAMES


def _opens_sentence(tok: Token) -> bool:
    """Whether a word opens a sentence: the parser says so and a mark or a break is before
    it ("classe Aliko Dangote": the parser may start a sentence inside a run of names)."""
    if tok.i == 0:
        return True
    before = tok.doc[tok.i - 1]
    return bool(tok.is_sent_start) and (
        before.is_punct
        or before.is_space
        or "\n" in before.whitespace_
        or before.text.endswith(SENTENCE_MARKS)
    )


def _cap_word(tok: Token) -> bool:
    """A capitalised word or acronym that may belong to a name."""
    text = tok.text
    return (
        bool(text)
        and text[:1].isupper()
        and not tok.is_punct
        and (tok.is_alpha or "-" in text or "&" in text or "'" in text)
    ) or (
        tok.i > 0
        and (
            tok.lower_ in {"'s", "’s"}
            or (tok.text == "s" and tok.doc[tok.i - 1].text.endswith(("'", "’")))
        )
        and tok.doc[tok.i - 1].text[:1].isupper()
        and tok.lower_ not in CONNECTORS
    )


def _midfield(doc: Doc, i: int) -> bool:
    """Token ``i`` ends "milieu de terrain", a position whose club follows "de"."""
    return doc[i].lower_ == "terrain" and i > 1 and doc[i - 2].lower_ == "milieu" and (
        doc[i - 1].lower_ == "de"
    )


def _lower_adjective(tok: Token) -> bool:
    """A lower-case adjective that may go on with the name before it ("Baromètre arabe")."""
    return tok.is_lower and tok.is_alpha and (tok.pos_ == "ADJ" or is_nationality(tok))


def _acronymed_name(doc: Doc, i: int) -> int | None:
    """End of a lower-case body name followed by its acronym in brackets, whose first
    letter is the head's: "la commission électorale nationale indépendante (CENI)"."""
    if i > 0 and doc[i - 1].lower_ in INDEFINITE:
        return None  # "une commission (CE)": a description
    # the acronym is the evidence of a name: extend as a capitalised head would
    end = _extend_institution(doc, i, capital=True)
    if end is None:
        return None
    start_end = end
    while end < len(doc) and end - start_end < 4 and doc[end].is_lower and not doc[end].is_punct:
        end += 1  # lower-case words the extension left out: "... de lutte anti-corruption"
    if end - i < 2 or end + 2 >= len(doc) or doc[end].text != "(":
        return None
    close = end + 2
    while close < len(doc) and close - end <= 3 and doc[close].text != ")":
        close += 1  # "REN-LAC" is three tokens
    if close >= len(doc) or doc[close].text != ")" or any(
        t.whitespace_ for t in doc[end + 1 : close - 1]
    ):
        return None
    acronym = doc[end + 1 : close].text
    if (
        ACRONYM.match(acronym)
        and sum(c.isalpha() for c in acronym) >= 3  # "conseil d'administration (CA)"
        and any(t.lower_ in NAMING_ADJECTIVES or is_nationality(t) for t in doc[i + 1 : end])
        and acronym.replace("-", "").isupper()
        and acronym not in NON_BODY_ACRONYMS
        and acronym[0] == doc[i].text[0].upper()
        and not _activity_noun(doc, i)
    ):
        return end
    return None


def _plural_possessive(doc: Doc, i: int) -> bool:
    """Token ``i`` is the apostrophe of an English plural possessive inside a name:
    "Supporters' Trust", "Farmers' Union"."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text in {"'", "’"}
        and not doc[i - 1].whitespace_
        and doc[i - 1].text.endswith("s")
        and _cap_word(doc[i - 1])
        and _cap_word(doc[i + 1])
    )


def french_function_word(tok: Token) -> bool:
    """A capitalised French function word that starts a sentence the text runs on into,
    after a name without a full stop ("La rédaction BBC News Mundo Il y a un an")."""
    return (
        tok.is_stop
        and tok.pos_ in FUNCTION_POS
        and tok.lower_ not in ENGLISH_FUNCTION
        and not tok.is_upper
    )


def _looks_english(words: Span) -> bool:
    """No French function word and no French institution head among the words (a head after
    an English function word is English: "Society for the Protection of Birds")."""
    return not any(
        t.lower_ in CONNECTORS
        or t.lower_ in DETS
        or (
            t.lower_ in INSTITUTION_HEADS
            and t.text not in ENGLISH_HEADS
            and not (k > 0 and words[k - 1].text in ENGLISH_FUNCTION)
        )
        for k, t in enumerate(words)
    )


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
