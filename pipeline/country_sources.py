"""Country surface forms from maintained libraries: pycountry (names, official names, historic
states), countryinfo (capitals, demonyms, alternative spellings, endonyms per ISO alpha-3) and
country_converter (which entries are UN member states). The gazetteer adds ``pipeline/data``."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import pycountry


@dataclass(frozen=True)
class Form:
    text: str
    code: str
    kind: str  # names, capitals or demonyms
    source: str  # where it came from, for error messages


def news_order(name: str) -> str | None:
    """pycountry's "Korea, Republic of" → "Republic of Korea"; a leading "the" and a trailing
    parenthesis go; an inverted name that is not "X, ... of" ("Taiwan, Province of China") → None."""
    name = re.sub(r"\s*\(.*\)$", "", name.strip())
    head, _, tail = name.partition(", ")
    if tail:
        if not re.search(r"\bof( the)?$", tail, re.I):
            return None
        name = f"{tail} {head}"
    return re.sub(r"^the\s+", "", name, flags=re.I) or None


def latin(text: str) -> bool:
    """Written in the Latin script (an English sentence can contain it)."""
    return all(c.isascii() or not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


@lru_cache(maxsize=1)
def un_members() -> frozenset[str]:
    """ISO alpha-3 of the UN member states (country_converter's ``UNmember`` column)."""
    import country_converter as coco  # imports pandas: only here, once

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    data = coco.CountryConverter().data
    return frozenset(data.loc[data.UNmember.notna(), "ISO3"])


def pycountry_forms() -> Iterator[Form]:
    """Every pycountry entry's names; historic entries whose numeric code a current state took
    over (Burma, Zaire, Dahomey) are renamings and get the current code, the others their own."""
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if name := news_order(getattr(country, attr, None) or ""):
                yield Form(name, country.alpha_3, "names", f"pycountry {attr}")
    for old in pycountry.historic_countries:
        numeric = getattr(old, "numeric", None)
        now = pycountry.countries.get(numeric=numeric) if numeric else None
        code = now.alpha_3 if now else old.alpha_3
        # "USSR, Union of Soviet Socialist Republics", "Zaire, Republic of": the head is a name too
        head, _, tail = old.name.partition(", ")
        for name in {news_order(head), news_order(old.name), news_order(tail) if not tail.endswith(" of") else None}:
            if name and "," not in name and "(" not in name:
                yield Form(name, code, "names", "pycountry historic_countries")


def _records() -> dict[str, list[dict]]:
    """countryinfo's records grouped by alpha-3 (it keeps e.g. two records for Palestine)."""
    from countryinfo import all_countries

    out: dict[str, list[dict]] = defaultdict(list)
    for country in all_countries():
        info = country.info()
        if code := (info.get("ISO") or {}).get("alpha3"):
            out[code].append(info)
    return out


def _split(value) -> list[str]:
    items = value if isinstance(value, list) else re.split(r"\s*[/,]\s*", value or "")
    return [i.strip() for i in items if i and i.strip()]


def countryinfo_forms(states: frozenset[str]) -> Iterator[Form]:
    """Capitals and demonyms of ``states``; names, altSpellings and Latin-script native names of
    them too (ISO codes in altSpellings are left out: "IN", "CAN" are words)."""
    for code, records in _records().items():
        if code not in states:
            continue
        iso = {str(v) for r in records for v in (r.get("ISO") or {}).values() if v}
        demonyms = {d for r in records for d in _split(r.get("demonym"))}
        for r in records:
            for capital in _split(r.get("capital")):
                yield Form(capital, code, "capitals", "countryinfo capital")
            for demonym in _split(r.get("demonym")):
                yield Form(demonym, code, "demonyms", "countryinfo demonym")
            names = [r.get("name")] + list(r.get("altSpellings") or []) + _split(r.get("nativeName"))
            for name in filter(None, (news_order(n or "") for n in names)):
                # altSpellings also hold demonyms ("Thai", "Togolese"): those stay demonyms
                if name not in iso and name not in demonyms and latin(name) and len(name) > 3:
                    yield Form(name, code, "names", "countryinfo name/altSpellings/nativeName")


def ascii_folded(text: str) -> str:
    """ "Bogotá" → "Bogota", "Côte d'Ivoire" → "Cote d'Ivoire": how many English outlets print them."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def spelling_variants(text: str) -> set[str]:
    """Typographic variants news text uses for the same form: accents dropped, curly apostrophes,
    "Saint"/"St."/"St"."""
    out = {text, ascii_folded(text)}
    out |= {v.replace("'", "’") for v in out if "'" in v}
    for a, b in (("Saint ", "St. "), ("St. ", "Saint "), ("St. ", "St ")):
        out |= {b + v[len(a) :] for v in out if v.startswith(a)}
    return out
