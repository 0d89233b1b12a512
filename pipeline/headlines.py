"""Title-case headlines ("Peru Expels Chilean Envoy") as the model can read them.

The small English model tags a line of capitalised words as a string of proper names, so a
headline's verb and nouns are lost to the rules. Before parsing, such a line gets its relation
words (the lemmas the rules look for, in their inflected forms) and small words in lower case.
Only letters change case, so every offset still points into the article text, and names the rules
do not know ("Kim", "Chilean") keep their capitals.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

# Words a title-case headline capitalises that are never names (also read by the entity stage)
SMALL_WORDS = frozenset(
    "a an the and or but of in on to for with at by from as vs over after its their into amid against off up out "
    "back down diplomatic".split()
)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
MAX_WORDS = 16  # a longer line is a sentence, whatever its capitals


def is_headline(line: str) -> bool:
    """A short line, no full stop at its end, whose content words are nearly all capitalised."""
    words = WORD.findall(line)
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    if not 3 <= len(words) <= MAX_WORDS or line.rstrip().endswith((".", "?", "!", ":")) or not content:
        return False
    small_capitalised = any(w[0].isupper() for w in words[1:] if w.lower() in SMALL_WORDS)
    share = sum(w[0].isupper() for w in content) / len(content)
    return share >= 0.8 and (share == 1 or small_capitalised or len(content) >= 4)


def _stems(word: str) -> list[str]:
    """The word and the forms an English inflection would come from: expels, expelled, cutting."""
    out = [word]
    for suffix, repl in (
        ("s", ""),
        ("es", ""),
        ("ies", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)] + repl)
    doubled = re.fullmatch(r"(.+?)([b-df-hj-np-tv-z])\2(?:ed|ing)", word)  # expelled, cutting, snapped
    if doubled:
        out.append(doubled.group(1) + doubled.group(2))
    return out


class HeadlineCaser:
    """Lower-cases relation words and small words in title-case headline lines, never a word of a
    name the gazetteer knows ("the United States", "the Sovereign Military Order of Malta")."""

    def __init__(self, words: frozenset[str], names: frozenset[str] = frozenset()):
        self.words = words
        self.names = names

    def __call__(self, text: str) -> str:
        if not any(is_headline(line) for line in text.split("\n")):
            return text
        return "\n".join(self._line(line) if is_headline(line) else line for line in text.split("\n"))

    def _line(self, line: str) -> str:
        def fix(match: re.Match) -> str:
            word = match.group()
            if match.start() == len(line) - len(line.lstrip()) or word.isupper():
                return word  # the first word, and acronyms ("US", "UN")
            lower = word.lower()
            if word in self.names:
                return word
            return lower if lower in SMALL_WORDS or any(s in self.words for s in _stems(lower)) else word

        return WORD.sub(fix, line)


@lru_cache(maxsize=8)
def headline_caser(nlp: Language) -> HeadlineCaser:
    """The caser for this pipeline: the relation rules' lemmas and word lists; the gazetteer's names."""
    from .relations.words import WORDS  # (here: the entity stage imports this module's SMALL_WORDS)

    relations = nlp.get_pipe("claims_relations")
    words = set(relations.lemmas) | relations.envoy_nouns | relations.mission_nouns | relations.rel_nouns
    words |= WORDS.neg_verbs | WORDS.unasserted | WORDS.reversal_verbs | WORDS.say_verbs  # "Denies", "Plans", "Urges"
    names = {w for form in nlp.get_pipe("claims_entities").forms for w in form.split() if w[:1].isupper()}
    return HeadlineCaser(frozenset(w.lower() for w in words if w.isalpha() and w.islower()), frozenset(names))


def article_doc(nlp: Language, text: str, published) -> Doc:
    """The unparsed Doc of an article's cleaned text, as every caller hands it to ``nlp``."""
    doc = nlp.make_doc(headline_caser(nlp)(text))
    doc._.published = published
    return doc
