"""The gazetteer: every surface form of a state or organisation → its code, built from pycountry
plus the data files in ``pipeline/data`` (validated when loaded)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycountry
import yaml

from .errors import InputError

DATA = resources.files("pipeline") / "data"
KINDS = ("names", "capitals", "demonyms")


@dataclass
class Gazetteer:
    """Surface form → code tables; ``kind`` of a country form is name, capital or demonym."""

    countries: dict[str, tuple[str, str]] = field(default_factory=dict)  # form → (code, kind)
    orgs: dict[str, str] = field(default_factory=dict)                    # form → ORG code
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)      # group noun → codes
    people: dict[str, str] = field(default_factory=dict)                  # well-known official → code
    metonyms: dict[str, str] = field(default_factory=dict)                # "Kremlin" → RUS (claims only)
    blocked: tuple[str, ...] = ()                                          # not entities

    @property
    def org_codes(self) -> frozenset[str]:
        return frozenset(self.orgs.values())

    def demonyms(self) -> dict[str, str]:
        return {form: code for form, (code, kind) in self.countries.items() if kind == "demonyms"}

    def names(self) -> dict[str, str]:
        """Name and capital forms (not demonyms) → code: the targets of fuzzy matching."""
        return {form: code for form, (code, kind) in self.countries.items() if kind != "demonyms"}


def known_code(code: str) -> bool:
    """A valid COUNTRY code per spec: alpha-3 (current or historic), XKX, or OTHER:<name>."""
    if code == "XKX" or (code.startswith("OTHER:") and len(code) > 6):
        return True
    return bool(re.fullmatch(r"[A-Z]{3}", code)) and (
        pycountry.countries.get(alpha_3=code) is not None
        or pycountry.historic_countries.get(alpha_3=code) is not None)


def pycountry_names(country) -> set[str]:
    """pycountry's names in news order: "Korea, Republic of" → "Republic of Korea"."""
    out = set()
    for attr in ("name", "official_name", "common_name"):
        name = getattr(country, attr, None)
        if not name:
            continue
        name = re.sub(r"\s*\(.*\)$", "", name)
        head, _, tail = name.partition(", ")
        if tail:
            if not re.search(r"\bof( the)?$", tail, re.I):
                continue
            name = f"{tail} {head}"
        out.add(re.sub(r"^the ", "", name, flags=re.I))
    return out


def load_yaml(path: Path | str, kind: type):
    """Parse a YAML data file; bad YAML or a wrong top-level type raises InputError naming it."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(path, f"bad YAML: {getattr(exc, 'problem', exc)}", line=mark.line + 1 if mark else None) from None
    if not isinstance(data, kind):
        raise InputError(path, f"expected a {kind.__name__} at top level")
    return data


def _strip_the(form: str) -> str:
    return re.sub(r"^the\s+", "", form, flags=re.I)


def _names_by_code(path: Path) -> dict[str, str]:
    """A ``code: [name, ...]`` file → {name: code}; an unknown code or a non-list stops with InputError."""
    out: dict[str, str] = {}
    for code, names in load_yaml(path, dict).items():
        if not known_code(str(code)) or not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise InputError(path, f"bad entry {code!r}: want a known code and a list of names")
        out.update({name: str(code) for name in names})
    return out


@lru_cache(maxsize=4)
def load_gazetteer(data_dir: str | None = None) -> Gazetteer:
    """Build the gazetteer; a bad entry stops with InputError naming the file."""
    root = Path(data_dir) if data_dir else Path(str(DATA))
    gaz = Gazetteer()
    for country in pycountry.countries:
        for form in pycountry_names(country):
            gaz.countries.setdefault(form, (country.alpha_3, "names"))
    path = root / "countries.yml"
    for code, entry in load_yaml(path, dict).items():
        if not known_code(str(code)) or not isinstance(entry, dict) or set(entry) - set(KINDS):
            raise InputError(path, f"bad entry {code!r}: want a known code and keys {KINDS}")
        for kind in KINDS:
            for form in entry.get(kind) or []:
                # Hand-listed forms override pycountry's (e.g. "Burma" is MMR, not historic BUR),
                # but a demonym never hides a name ("US", "Myanmar" are both).
                form = _strip_the(str(form))
                if kind != "demonyms" or gaz.countries.get(form, ("", "demonyms"))[1] == "demonyms":
                    gaz.countries[form] = (code, kind)
    path = root / "orgs.yml"
    for code, forms in load_yaml(path, dict).items():
        if not isinstance(forms, list) or not forms:
            raise InputError(path, f"bad entry {code!r}: want a list of names")
        for form in forms:
            gaz.orgs[_strip_the(str(form))] = str(code)
    path = root / "groups.yml"
    for noun, codes in load_yaml(path, dict).items():
        if not isinstance(codes, list) or not all(known_code(str(c)) for c in codes):
            raise InputError(path, f"bad group {noun!r}: want a list of known codes")
        gaz.groups[str(noun)] = tuple(codes)
    gaz.people = _names_by_code(root / "people.yml")
    gaz.metonyms = _names_by_code(root / "metonyms.yml")
    gaz.blocked = tuple(load_yaml(root / "not_entities.yml", list))
    return gaz
