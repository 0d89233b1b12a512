"""Word lists the role, modality and list code reads, from ``data/words.yml``, validated at load."""

from __future__ import annotations

from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path

from ..errors import InputError
from ..gazetteer import load_yaml

WORDS_FILE = resources.files("pipeline") / "data" / "words.yml"


@dataclass(frozen=True)
class Words:
    actor_nouns: frozenset[str]
    collective_nouns: frozenset[str]
    instrument_nouns: frozenset[str]
    alias_nouns: frozenset[str]
    pronouns: frozenset[str]
    personal_pronouns: frozenset[str]
    relatives: frozenset[str]
    example_preps: frozenset[str]
    alias_verbs: frozenset[str]
    except_words: frozenset[str]
    control_verbs: frozenset[str]
    unasserted: frozenset[str]
    modal_aux: frozenset[str]
    negators: frozenset[str]
    neg_verbs: frozenset[str]
    reversal_verbs: frozenset[str]
    say_verbs: frozenset[str]
    hearsay_verbs: frozenset[str]
    speakers: frozenset[str]
    glue: frozenset[str]
    cues: frozenset[str]
    anaphoric: frozenset[str]
    non_diplomatic: frozenset[str]
    state_of_nouns: frozenset[str]


def load_words(path: Path | str = WORDS_FILE) -> Words:
    """Every list named in ``Words``, each a list of words; anything else stops with InputError."""
    data = load_yaml(str(path), dict)
    expected = {f.name for f in fields(Words)}
    if set(data) != expected:
        raise InputError(
            path,
            f"needs exactly the lists {sorted(expected)}; "
            f"missing {sorted(expected - set(data))}, unknown {sorted(set(data) - expected)}",
        )
    for name, value in data.items():
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise InputError(path, f"{name}: must be a list of words (quote on/off/yes/no)")
    return Words(**{name: frozenset(w.lower() for w in value) for name, value in data.items()})


DESCRIPTIONS_FILE = resources.files("pipeline") / "data" / "descriptions.yml"


def load_descriptions(path: Path | str = DESCRIPTIONS_FILE) -> dict[str, tuple[str, ...]]:
    """``noun: [official-name word, ...]``; anything else stops with InputError."""
    data = load_yaml(str(path), dict)
    for noun, words in data.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise InputError(path, f"{noun}: must map to a list of words")
    return {str(noun).lower(): tuple(words) for noun, words in data.items()}


WORDS = load_words()
DESCRIPTIONS = load_descriptions()
