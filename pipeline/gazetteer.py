"""The gazetteer: every surface form of a state or organisation → its code, built from the
libraries (``country_sources``) plus the data files in ``pipeline/data`` (validated when loaded)."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycountry
import yaml

from .country_sources import Form, countryinfo_forms, pycountry_forms, spelling_variants, un_members
from .errors import InputError

DATA = resources.files("pipeline") / "data"
KINDS = ("names", "capitals", "demonyms")


@dataclass(frozen=True)
class Period:
    """A form stands for ``code`` from ``start`` until the day before ``end`` (periods.yml)."""

    code: str
    start: dt.date
    end: dt.date


@dataclass
class Gazetteer:
    """Surface form → code tables; ``kind`` of a country form is name, capital or demonym."""

    countries: dict[str, tuple[str, str]] = field(default_factory=dict)  # form → (code, kind)
    orgs: dict[str, str] = field(default_factory=dict)  # form → ORG code
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)  # group noun → codes
    people: dict[str, str] = field(default_factory=dict)  # well-known official → code
    metonyms: dict[str, str] = field(default_factory=dict)  # "Kremlin" → RUS (claims only)
    blocked: tuple[str, ...] = ()  # not entities
    periods: dict[str, tuple[Period, ...]] = field(default_factory=dict)  # "Moscow" → SUN until 1991

    @property
    def org_codes(self) -> frozenset[str]:
        return frozenset(self.orgs.values())

    def demonyms(self) -> dict[str, str]:
        return {form: code for form, (code, kind) in self.countries.items() if kind == "demonyms"}

    def names(self) -> dict[str, str]:
        """Name and capital forms (not demonyms) → code: the targets of fuzzy matching."""
        return {form: code for form, (code, kind) in self.countries.items() if kind != "demonyms"}

    def code_at(self, form: str, day: dt.date | None) -> str | None:
        """The code ``form`` stands for on ``day`` (a dissolved state's period), else its own."""
        for period in self.periods.get(form, ()) if day else ():
            if period.start <= day < period.end:
                return period.code
        entry = self.countries.get(form)
        return entry[0] if entry else None


def known_code(code: str) -> bool:
    """A valid COUNTRY code per spec: alpha-3 (current or historic), XKX, or OTHER:<name>."""
    if code == "XKX" or (code.startswith("OTHER:") and len(code) > 6):
        return True
    return bool(re.fullmatch(r"[A-Z]{3}", code)) and (
        pycountry.countries.get(alpha_3=code) is not None or pycountry.historic_countries.get(alpha_3=code) is not None
    )


def load_yaml(path: Path | str, kind: type):
    """Parse a YAML data file; bad YAML or a wrong top-level type raises InputError naming it."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(
            path, f"bad YAML: {getattr(exc, 'problem', exc)}", line=mark.line + 1 if mark else None
        ) from None
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


@dataclass
class Overrides:
    """overrides.yml: which code a form shared by two states means, library forms that are not
    news forms, and states beyond the UN members."""

    prefer: dict[str, str | None]
    drop: frozenset[str]
    states: frozenset[str]


def _overrides(path: Path) -> Overrides:
    data = load_yaml(path, dict)
    if set(data) != {"prefer", "drop", "states"}:
        raise InputError(path, "want the keys prefer, drop and states")
    prefer, drop, states = data["prefer"] or {}, data["drop"] or [], data["states"] or []
    if not isinstance(prefer, dict) or any(c is not None and not known_code(str(c)) for c in prefer.values()):
        raise InputError(path, "prefer: want form: known code (or null: the form is not an entity)")
    if not isinstance(drop, list) or not isinstance(states, list) or not all(known_code(str(c)) for c in states):
        raise InputError(path, "drop: want a list of forms; states: a list of known codes")
    return Overrides(
        {str(k): v and str(v) for k, v in prefer.items()}, frozenset(map(str, drop)), frozenset(map(str, states))
    )


def _hand_forms(path: Path) -> list[Form]:
    """countries.yml: news forms no library has, as ``code: {names, capitals, demonyms}``."""
    out = []
    for code, entry in load_yaml(path, dict).items():
        if not known_code(str(code)) or not isinstance(entry, dict) or set(entry) - set(KINDS):
            raise InputError(path, f"bad entry {code!r}: want a known code and keys {KINDS}")
        for kind in KINDS:
            out += [Form(_strip_the(str(text)), str(code), kind, path.name) for text in entry.get(kind) or []]
    return out


def _merge(forms: list[Form], over: Overrides, path: Path) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """All forms and their spelling variants → (code, kind); a form of two codes needs a prefer
    line (or is an error naming it). Returns the table and the forms preferred to be no entity."""
    by_form: dict[str, dict[str, tuple[int, Form]]] = defaultdict(dict)
    dropped = set()
    for form in forms:
        for variant in spelling_variants(form.text):
            if variant in over.drop:
                dropped.add(variant)
                continue
            rank = (variant != form.text, KINDS.index(form.kind))  # a stated form beats a variant, a name a demonym
            best = by_form[variant].get(form.code)
            if best is None or rank < best[0]:
                by_form[variant][form.code] = (rank, form)
    table, ambiguous, shared = {}, [], set()
    for text, per_code in by_form.items():
        stated = {c: f for c, (r, f) in per_code.items() if not r[0]} or {c: f for c, (r, f) in per_code.items()}
        if len(stated) > 1 and text not in over.prefer:
            sources = ", ".join(f"{f.code} ({f.source})" for f in stated.values())
            raise InputError(path, f"{text!r} is a form of {sources}: add it under prefer")
        if len(stated) > 1:
            shared.add(text)
        code = over.prefer[text] if len(stated) > 1 else next(iter(stated))
        if code is None:
            ambiguous.append(text)
        elif code in per_code:
            table[text] = (code, per_code[code][1].kind)
        else:
            raise InputError(path, f"prefer {text!r}: {code} has no such form")
    if stale := sorted(set(over.prefer) - shared) + sorted(over.drop - dropped):
        raise InputError(path, f"no longer needed (no two states share it, or no library has it): {', '.join(stale)}")
    return table, ambiguous


def _periods(path: Path, countries: dict[str, tuple[str, str]]) -> dict[str, tuple[Period, ...]]:
    """periods.yml: which capitals and demonyms stand for a dissolved state, and when."""
    out: dict[str, list[Period]] = defaultdict(list)
    for n, entry in enumerate(load_yaml(path, list), 1):
        ok = (
            isinstance(entry, dict)
            and set(entry) == {"code", "from", "until", "forms"}
            and known_code(str(entry["code"]))
        )
        if (
            not ok
            or not all(isinstance(entry[k], dt.date) for k in ("from", "until"))
            or entry["from"] >= entry["until"]
        ):
            raise InputError(path, f"entry {n}: want code (known), from < until (YYYY-MM-DD) and forms")
        for form in entry["forms"]:
            if countries.get(form, ("", "names"))[1] == "names":  # spec: a state's name keeps its code
                raise InputError(path, f"entry {n}: {form!r} is not a capital or demonym in the gazetteer")
            out[form].append(Period(str(entry["code"]), entry["from"], entry["until"]))
    return {form: tuple(periods) for form, periods in out.items()}


@lru_cache(maxsize=4)
def load_gazetteer(data_dir: str | None = None) -> Gazetteer:
    """Build the gazetteer; a bad entry stops with InputError naming the file."""
    root = Path(data_dir) if data_dir else Path(str(DATA))
    gaz = Gazetteer()
    over = _overrides(root / "overrides.yml")
    forms = [*pycountry_forms(), *countryinfo_forms(un_members() | over.states), *_hand_forms(root / "countries.yml")]
    gaz.countries, ambiguous = _merge(forms, over, root / "overrides.yml")
    gaz.periods = _periods(root / "periods.yml", gaz.countries)
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
    gaz.blocked = tuple(load_yaml(root / "not_entities.yml", list)) + tuple(ambiguous)
    return gaz
