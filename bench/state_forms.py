"""Every state's surface forms as the libraries give them (pycountry + countryinfo), not as the
project's gazetteer keeps them: the benchmark's notion of "text the project did not write".

States are the UN members (country_converter's ``UNmember``) plus the observer states and Taiwan;
Kosovo is left out because neither library has it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import country_converter as coco
import pycountry
from countryinfo import CountryInfo

NON_MEMBERS = ("VAT", "PSE", "TWN")
FORM_TYPES = ("common name", "official name", "capital", "demonym", "other spelling")


@dataclass(frozen=True)
class Form:
    code: str
    kind: str  # one of FORM_TYPES
    text: str


def states() -> list[str]:
    data = coco.CountryConverter().data
    return sorted(set(data.loc[data.UNmember.notna(), "ISO3"]) | set(NON_MEMBERS))


def _latin(text: str) -> bool:
    return all(c.isascii() or not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


def _clean(text: str | None) -> str | None:
    """A usable English-text form: Latin script, no inverted "X, Republic of", no parentheses."""
    if not text:
        return None
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    if not text or "," in text or "(" in text or not _latin(text):
        return None
    return text


def _split(value) -> list[str]:
    items = value if isinstance(value, list) else re.split(r"\s*[/,]\s*", value or "")
    return [s for s in (_clean(i) for i in items) if s]


def state_forms() -> list[Form]:
    """One Form per (state, kind, text), deduplicated so each text is tested under one kind."""
    out: list[Form] = []
    for code in states():
        country = pycountry.countries.get(alpha_3=code)
        info = CountryInfo(code).info()
        codes = {country.alpha_2, country.alpha_3}
        seen: set[str] = set()

        def add(kind: str, texts, seen=seen, codes=codes, code=code) -> None:  # bound now: called in this loop
            for text in texts:
                if text and text not in seen and text not in codes:
                    seen.add(text)
                    out.append(Form(code, kind, text))

        add("common name", [_clean(getattr(country, "common_name", None) or country.name), _clean(info.get("name"))])
        add("official name", [_clean(getattr(country, "official_name", None))])
        add("capital", _split(info.get("capital")))
        demonyms = _split(info.get("demonym"))
        add("demonym", demonyms)
        native = _split(info.get("nativeName"))
        add(
            "other spelling",
            [
                s
                for s in [_clean(a) for a in info.get("altSpellings", [])] + native
                if s and s not in demonyms and len(s) > 3
            ],
        )
    return out
