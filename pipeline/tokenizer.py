"""Tokenizer rules for newlines written as the two characters backslash and n, for
sentences glued together without a space, and for English possessives inside names.

Texts exported through JSON or TSV often keep a newline escaped ("Barría\\nBBC News"):
fr_core_news_md then reads "Barría\\nBBC" and "voitures.\\n\\nSelon" as one token each,
which hides a name and a sentence end. These rules cut such a newline out as a token of
its own, and the punctuation before it too. Scraped text also glues sentences together
("nouvelle.Bien que"): the stop between a lower-case word and a capitalised one is cut out
too, so the parser sees the sentence end. French elision would cut "Lloyd's List" into
"Lloyd'" and "s": a capitalised word with an English possessive stays whole. Other text is
tokenized as before. The rules are ordinary tokenizer patterns: a saved pipeline keeps them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry

ESCAPED_NEWLINE = r"\\n"
# an escaped newline, and a sentence's closing punctuation right before one
PREFIXES = (ESCAPED_NEWLINE,)
SUFFIXES = (ESCAPED_NEWLINE,)
# a sentence end glued to the next sentence in scraped text ("nouvelle.Bien que",
# "cité par News24.\"Nous"): the stop, then a quote, each a token of their own; only
# between a lower-case letter or digit and a capitalised word, so "U.S.A", "2.5" and
# "Abidjan.net" stay whole
GLUED_STOP = r"(?<=[a-zà-ÿ0-9])[.!?](?=[\"”»]?[A-ZÀ-Ý][a-zà-ÿ])"
GLUED_QUOTE = r"(?<=[a-zà-ÿ0-9][.!?])[\"”»](?=[A-ZÀ-Ý][a-zà-ÿ])"
INFIXES = (ESCAPED_NEWLINE, r"[.!?…»\"”)]+(?=\\n)", GLUED_STOP, GLUED_QUOTE)
# an English possessive inside a name stays one word ("Lloyd's List", "Sainsbury's"): French
# elision would cut "Lloyd'" from "s"; cased, so "l's" or "aujourd'hui" are untouched
POSSESSIVE_NAME = r"(?-i:^[A-Z][A-Za-z]*[a-z]['’]s$)"


def add_escaped_newlines(nlp: Language) -> Language:
    """Make the tokenizer split escaped newlines ("\\n") off the words around them.

    The patterns are appended to the tokenizer's own (as spaCy's ``compile_*_regex``
    join them), so every match the tokenizer made before it still makes. A tokenizer that
    is not spaCy's rule-based one is left as it is.
    """
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return nlp
    if ESCAPED_NEWLINE in tokenizer.infix_finditer.__self__.pattern:
        return nlp  # added already
    prefix = tokenizer.prefix_search.__self__.pattern
    suffix = tokenizer.suffix_search.__self__.pattern
    infix = tokenizer.infix_finditer.__self__.pattern
    tokenizer.prefix_search = re.compile("|".join([prefix, *(f"^{p}" for p in PREFIXES)])).search
    tokenizer.suffix_search = re.compile("|".join([suffix, *(f"{p}$" for p in SUFFIXES)])).search
    tokenizer.infix_finditer = re.compile("|".join([infix, *INFIXES])).finditer
    match = tokenizer.token_match
    pattern = match.__self__.pattern if match is not None else "(?!)"
    tokenizer.token_match = re.compile(f"{pattern}|{POSSESSIVE_NAME}").match
    return nlp


@registry.callbacks("dechiffre.escaped_newlines.v1")
def make_escaped_newlines() -> Callable[[Language], Language]:
    """The ``[initialize.after_init]`` callback of ``pipeline/configs/default.cfg``."""
    return add_escaped_newlines
