"""Every state's forms, generated from the gazetteer's data, tagged with its code in a news
sentence: one row per state (its names, capitals and demonyms), parsed in one batch."""

import pytest
from test_gazetteer import GAZ, STATES

TEMPLATES = {
    "names": "Officials said on Monday that {} would send a delegation.",
    "capitals": "Diplomats in {} rejected the accusation.",
    "demonyms": "The {} ambassador was summoned on Tuesday.",
}


@pytest.fixture(scope="module")
def tagged(nlp):
    rows = [(form, code, kind) for form, (code, kind) in GAZ.countries.items() if code in STATES]
    texts = [TEMPLATES[kind].format(form) for form, _, kind in rows]
    out = {}
    for (form, code, kind), doc in zip(rows, nlp.pipe(texts, batch_size=256)):
        start = TEMPLATES[kind].index("{}")
        got = [
            e._.code
            for e in doc.ents
            if e.label_ == "COUNTRY" and e.start_char == start and e.end_char == start + len(form)
        ]
        out.setdefault(code, []).append((kind, form, got[0] if got else None))
    return out


@pytest.mark.parametrize("code", STATES)
def test_every_form_of_every_state_gets_its_code(tagged, code):
    wrong = [(kind, form, got) for kind, form, got in tagged[code] if got != code]
    assert wrong == []
