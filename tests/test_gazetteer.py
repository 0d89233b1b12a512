"""The merged gazetteer: library forms + data, validated at load; fuzzy matching never picks a
neighbour. Rule-only (no model)."""

import shutil

import pytest
import yaml

from pipeline.components.entities import FuzzyCountries
from pipeline.country_sources import countryinfo_forms, news_order, spelling_variants, un_members
from pipeline.errors import InputError
from pipeline.gazetteer import DATA, known_code, load_gazetteer

GAZ = load_gazetteer()
STATES = sorted(un_members() | set(yaml.safe_load((DATA / "overrides.yml").read_text())["states"]))


def forms_of(code: str, kind: str | None = None) -> list[str]:
    return sorted(f for f, (c, k) in GAZ.countries.items() if c == code and kind in (None, k))


LIBRARY = {}
for _form in countryinfo_forms(frozenset(STATES)):
    LIBRARY.setdefault(_form.code, []).append(_form)
OVERRIDES = yaml.safe_load((DATA / "overrides.yml").read_text())
PREFER = set(OVERRIDES["prefer"]) | set(OVERRIDES["drop"])


@pytest.mark.parametrize("code", STATES)
def test_every_state_capital_and_demonym_from_the_library_is_the_state(code):
    """Unless a prefer line gives a shared form to another state (or to none: "Congolese"), or a
    drop line says it is not a news form of the state."""
    forms = [f.text for f in LIBRARY.get(code, []) if f.kind in ("capitals", "demonyms") and f.text not in PREFER]
    assert forms and {f: GAZ.countries.get(f, ("?",))[0] for f in forms} == dict.fromkeys(forms, code)


@pytest.mark.parametrize("code", STATES)
def test_every_state_has_a_name(code):
    assert forms_of(code, "names")


def test_every_code_is_known():
    assert all(known_code(code) for code, _ in GAZ.countries.values())


@pytest.mark.parametrize(
    "form, code",
    [
        ("Burma", "MMR"),
        ("Zaire", "COD"),
        ("Dahomey", "BEN"),
        ("Upper Volta", "BFA"),  # renamed: pycountry numeric reused
        ("Czechoslovakia", "CSK"),
        ("USSR", "SUN"),
        ("Serbia and Montenegro", "SCG"),  # dissolved: historic code
        ("Republic of Korea", "KOR"),
        ("Plurinational State of Bolivia", "BOL"),  # pycountry inverted names
        ("Österreich", "AUT"),
        ("Sakartvelo", "GEO"),
        ("Nippon", "JPN"),  # countryinfo endonyms
        ("Bogota", "COL"),
        ("Sao Tome", "STP"),
        ("Cote d’Ivoire", "CIV"),
        ("St John's", "ATG"),  # generated spellings
    ],
)
def test_library_and_generated_forms(form, code):
    assert GAZ.countries[form][0] == code


@pytest.mark.parametrize("form", ["Island", "Maurice", "Male", "Metropolitan", "CAN", "IN", "Congolese"])
def test_forms_that_are_not_news_forms_of_a_state(form):
    """Dropped words, ISO codes (never forms) and a demonym two states share."""
    assert form not in GAZ.countries


def test_shared_demonym_is_blocked_and_preferred_one_wins():
    assert "Congolese" in GAZ.blocked and GAZ.countries["Dominican"][0] == "DOM"


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Korea, Republic of", "Republic of Korea"),
        ("Taiwan, Province of China", None),
        ("Holy See (Vatican City State)", "Holy See"),
        ("the Gambia", "Gambia"),
    ],
)
def test_news_order(name, expected):
    assert news_order(name) == expected


def test_spelling_variants():
    assert spelling_variants("Saint John's") >= {"St. John's", "St John's", "Saint John’s"}


@pytest.fixture
def data_dir(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize(
    "file, old, new, message",
    [
        ("overrides.yml", "  Dominican: DOM ", "  # ", "'Dominican' is a form of"),  # shared form, no prefer line
        ("overrides.yml", "prefer:\n", "prefer:\n  Chile: CHL\n", "no longer needed"),  # stale prefer line
        ("overrides.yml", "  - Island ", "  - Atlantis ", "Atlantis"),  # stale drop line
        (
            "countries.yml",
            "ARG: {demonyms: [Argentine, Argentinian]}",
            "ARG: {demonyms: [Argentine, Nigerian]}",
            "'Nigerian' is a form of",
        ),
        ("periods.yml", "forms: [Moscow, Russian]", "forms: [Moscow, Russia]", "'Russia' is not a capital or demonym"),
        ("periods.yml", "from: 1922-12-30, until: 1991-12-26", "from: 1991-12-26, until: 1922-12-30", "want code"),
    ],
)
def test_bad_data_names_the_file(data_dir, file, old, new, message):
    _edit(data_dir / file, old, new)
    with pytest.raises(InputError) as err:
        load_gazetteer(str(data_dir))
    assert message in str(err.value) and str(data_dir) in str(err.value)


def test_date_aware_codes():
    import datetime as dt

    assert GAZ.code_at("Moscow", dt.date(1985, 1, 1)) == "SUN" and GAZ.code_at("Moscow", dt.date(1992, 1, 1)) == "RUS"
    assert GAZ.code_at("Belgrade", dt.date(2004, 1, 1)) == "SCG" and GAZ.code_at("Prague", None) == "CZE"
    assert "Russia" not in GAZ.periods  # a state's name keeps its own code


FUZZY = FuzzyCountries(GAZ.names(), 85.0, 4.0, 5)
NAMES = GAZ.names()


def near_misses(word: str) -> set[str]:
    """A letter dropped, doubled, or swapped with the next one, at each position."""
    out = set()
    for i in range(len(word)):
        out |= {word[:i] + word[i + 1 :], word[:i] + word[i] + word[i:]}
        if i + 1 < len(word):
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    return out - set(NAMES)


@pytest.mark.parametrize("code", sorted({c for c in NAMES.values()}))
def test_fuzzy_near_misses_never_name_another_state(code):
    wrong = sorted(
        (form, miss, got)
        for form in NAMES
        if NAMES[form] == code and len(form) >= 5 and " " not in form
        for miss in near_misses(form)
        if (got := FUZZY(miss)) not in (None, code)
    )
    assert wrong == []
