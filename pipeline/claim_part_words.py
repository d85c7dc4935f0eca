"""Word tables of the part_of slot (compact, in the style of spacy/lang/fr/lex_attrs.py)."""

from __future__ import annotations

# Pronouns of a group named before: "Parmi eux, 200 ...", "Onze d'entre eux ...".
GROUP_PRONOUNS = frozenset({"eux", "elles", "ceux-ci", "celles-ci", "ceux-là", "celles-là"})
# "d'entre eux", as one token or two.
ENTRE_WORDS = frozenset({"d'entre", "d’entre"})
ELIDED_DE = frozenset({"d'", "d’"})
AMONG_WORDS = frozenset({"parmi"})
AMONG_REACH = 30  # tokens before an amount where "parmi" is looked for
# Determiners of a group the text has counted already: "parmi ces dossiers", "deux de ces buts".
GROUP_DETS = frozenset({"ces", "les"})
# A one-member partitive ("l'un d'entre eux") narrows the group: a later "d'entre eux"
# may be about that kind, not the whole counted before.
SINGLE_PARTITIVES = frozenset({"un", "une", "chacun", "chacune", "aucun", "aucune"})
# "font partie des 36 officiels", "figurent parmi les 1 500 premières": the total follows.
MEMBER_CUES = frozenset(
    {("partie", "des"), ("partie", "de"), ("parmi", "les"), ("parmi", "ces"), ("nombre", "des")}
)
# "dans son cabinet de 24 membres", "sur la liste noire des 79 personnes": a body whose
# members the amount counts, and the words that place a part in it ("au sein de").
BODY_NOUNS = frozenset(
    """
    liste cabinet gouvernement parlement assemblée sénat chambre conseil comité commission
    équipe effectif sélection jury délégation
    """.split()
)
BODY_CUES = frozenset({("dans",), ("sur",), ("parmi",), ("partie", "de"), ("sein", "de")})
# "une équipe de cinq Allemands ... Deux des membres de l'équipe": tokens after a partitive
# where the body is named again.
BODY_PARTITIVE_REACH = 5
# "Sur les 120 candidats, 45 ont été retenus": a total set before the part.
FRONTED_WORDS = frozenset({"sur", "parmi"})
# Words between the comma and the part: "Sur les 32 éditions, seuls six ont vu ...".
FRONTED_HEDGES = frozenset({"seuls", "seules", "seulement", "quelque", "environ"})
FRONTED_REACH = 8  # tokens of the counted noun's phrase between a fronted total and its comma
# "Sur les 25 pays concernés, on trouve 4 pays", "..., il y a 12": a verb (and its clitics)
# between the comma and the part, at most this many tokens.
FRONTED_VERB_REACH = 3
# Units of length: "une orbite de 160 km sur 375 km" gives two dimensions, no part of a total.
LENGTH_UNITS = frozenset({"km", "m", "cm", "mm", "mi", "ft"})
# Marks that open a breakdown of the amount before: "trois membres - deux frères et une sœur -".
BREAKDOWN_MARKS = frozenset({"-", "–", "—", ":"})
# Fractions that share out a total ("20 000 volontaires, la moitié au Royaume-Uni").
FRACTION_WORDS = frozenset({"moitié", "tiers", "quart"})
# Words that would give a fraction its own complement ("la moitié de la population").
OF_COMPLEMENT = frozenset({"de", "des", "du", "d'", "d’"})
# "18 % de ces téléchargements, suivie par les États-Unis (14 %)": a bare share this
# many tokens after a share of a whole, in its sentence or the next, shares that whole.
SHARE_LIST_REACH = 15
# "6 400 soldats seront renvoyés, le reste transféré": the amount is a share of a total.
REST_WORDS = frozenset({"reste"})
REST_REACH = 12  # tokens after the amount where "le reste" is looked for
# "Les quatre autres clubs", "les 5 409 433 FCFA restants": the rest of a total named before.
OTHER_WORDS = frozenset({"autres", "restants", "restantes"})
# What opens it: "les" before the amount, or "et" after a name ("Harry Knoesen et deux autres").
OTHER_OPENERS = frozenset({"les", "et"})
# Verbs whose object is a part of their subject ("les 14 840 infections comprennent 13 332 cas").
INCLUDE_VERBS = frozenset({"comprendre", "inclure", "englober"})
# Demonstratives that point a measure noun back to an amount ("ce montant comprend ...").
DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})
# "265 dollars, contre 85 dollars il y a un an": an amount compared with the one before.
COMPARE_WORDS = frozenset({"contre"})
# Slots a compared amount shares with the amount it is compared with after a comma: who
# did it and who says so (its time is its own; the predicate is claim_predicate's rule
# 'compared'). A tally without a comma ("29 élus contre 28") has two sides: nothing shared.
COMPARED_SLOTS = ("agent", "source")
# A run of counts that adds up to the count before it breaks it down ("trois personnes -
# deux hommes et une femme"): the smallest total read so (below it, "deux ... un ... un" adds
# up by chance too often) and how many amounts a run may have.
SUM_RUN_MIN = 3
SUM_RUN_REACH = 6
# "un tiers de ce montant", "18 % de ces téléchargements", "Sur ce total, 40 %": a share of
# a whole the text gave just before, pointed back to by a demonstrative: the words that open
# a fronted one, and the shortest verb stem a noun may share with the whole's predicate to
# name its event ("télécharger" -> "ces téléchargements").
THAT_FRONTED = frozenset({"sur", "parmi"})
STEM_MIN = 5
# "soit 60 fois plus que l'année précédente": a ratio of comparison counts nothing, no whole.
COMPARATIVES = frozenset({"plus", "moins", "davantage"})
# Words that open the name of a whole after a share ("10 % du total actuel de trois millions",
# "la moitié de l'ensemble des 300 postes"; rule 'out_of').
TOTAL_OPENERS = (("du", "total"), ("de", "l'", "ensemble"), ("de", "l’", "ensemble"))
