"""Relation rules on sentences written for the tests (not corpus sentences)."""

from pathlib import Path

import pytest
import yaml

from pipeline.errors import InputError
from pipeline.records import RELATIONS
from pipeline.relations.rules import load_rules
from pipeline.relations.words import load_words


def norm(rows):
    """Symmetric pairs in sorted order, as the scorer compares them."""
    out = []
    for s, r, o, d, p in rows:
        s, o = sorted((s, o)) if RELATIONS[r] else (s, o)
        out.append((s, r, o, d, p))
    return sorted(set(out))  # an article's claims are a set (spec section 3)


def claims(doc):
    return norm((c.subject, c.relation, c.object, c.date, c.polarity) for c in doc._.claims)


E, S, X, V = "establish_relations", "sever_relations", "expel_diplomats", "visit"
O, C, D, G, A, R, J, N = (
    "open_mission",
    "close_mission",
    "downgrade_relations",
    "sign_agreement",
    "alliance",
    "recognize",
    "join_organization",
    "impose_sanctions",
)

ROWS = [
    # construction, text, expected
    (
        "active verb + with",
        "Chile established diplomatic relations with Vietnam in 1971.",
        [("CHL", E, "VNM", "1971", "positive")],
    ),
    (
        "coordinated subjects",
        "Spain, Kuwait and Peru expelled the North Korean ambassador in 2017.",
        [
            ("ESP", X, "PRK", "2017", "positive"),
            ("KWT", X, "PRK", "2017", "positive"),
            ("PER", X, "PRK", "2017", "positive"),
        ],
    ),
    ("pair subject", "Japan and Vietnam established diplomatic ties in 1973.", [("JPN", E, "VNM", "1973", "positive")]),
    (
        "nominalisation between",
        "The establishment of diplomatic relations between Israel and Germany came in 1965.",
        [("DEU", E, "ISR", "1965", "positive")],
    ),
    (
        "negation never",
        "Bhutan has never established diplomatic relations with China.",
        [("BTN", E, "CHN", None, "negative")],
    ),
    (
        "negation does not have",
        "Canada does not have diplomatic relations with Iran.",
        [("CAN", E, "IRN", None, "negative")],
    ),
    (
        "has yet to",
        "Israel has yet to establish diplomatic relations with Indonesia.",
        [("ISR", E, "IDN", None, "negative")],
    ),
    (
        "lacks",
        "Although Estonia lacks diplomatic relations with Cuba, trade goes on.",
        [("EST", E, "CUB", None, "negative")],
    ),
    (
        "sever active",
        "Ukraine severed diplomatic relations with Syria in June 2022.",
        [("UKR", S, "SYR", "2022-06", "positive")],
    ),
    (
        "sever passive with agent",
        "Diplomatic ties with Qatar were cut by Egypt in 2017.",
        [("EGY", S, "QAT", "2017", "positive")],
    ),
    (
        "terminate",
        "In 2014, Botswana terminated its diplomatic relations with North Korea.",
        [("BWA", S, "PRK", "2014", "positive")],
    ),
    (
        "suspend = downgrade",
        "Peru suspended relations with Venezuela.",
        [("PER", "downgrade_relations", "VEN", None, "positive")],
    ),
    (
        "expel passive",
        "Malaysian diplomats were expelled by Pyongyang in March 2017.",
        [("PRK", X, "MYS", "2017-03", "positive")],
    ),
    (
        "visit official",
        "Russian President Vladimir Putin visited Pyongyang in June 2024.",
        [("RUS", V, "PRK", "2024-06", "positive")],
    ),
    (
        "visit noun",
        "The Chinese premier's trip to Cambodia ended on 3 May 2019.",
        [("CHN", V, "KHM", "2019-05-03", "positive")],
    ),
    ("recognize", "Sweden formally recognized Palestine in 2014.", [("SWE", "recognize", "PSE", "2014", "positive")]),
    (
        "sign",
        "Japan and India signed a nuclear agreement in 2016.",
        [("IND", "sign_agreement", "JPN", "2016", "positive")],
    ),
    ("ally copula", "Cuba is a traditional ally of Angola.", [("CUB", "alliance", "AGO", None, "positive")]),
    (
        "sanctions",
        "The European Union imposed sanctions on Belarus in 2021.",
        [("EU", "impose_sanctions", "BLR", "2021", "positive")],
    ),
    ("open embassy", "India opened an embassy in Kabul in 2002.", [("IND", "open_mission", "AFG", "2002", "positive")]),
    (
        "close embassy",
        "Britain closed its embassy in Tehran in 2011.",
        [("GBR", "close_mission", "IRN", "2011", "positive")],
    ),
    ("join", "Montenegro joined NATO in 2017.", [("MNE", "join_organization", "NATO", "2017", "positive")]),
    (
        "member of",
        "Since 1991, Estonia has been a member of the United Nations.",
        [("EST", "join_organization", "UN", "1991", "positive")],
    ),
    (
        "examples after including",
        "Cuba established diplomatic relations with several countries, including Angola in 1975 and Chile in 1970.",
        [("CUB", E, "AGO", "1975", "positive"), ("CUB", E, "CHL", "1970", "positive")],
    ),
    (
        "followed by ellipsis",
        "Norway recognized Bangladesh in 1972, followed by Austria in 1973.",
        [("AUT", "recognize", "BGD", "1973", "positive"), ("NOR", "recognize", "BGD", "1972", "positive")],
    ),
    (
        "neither ellipsis",
        "The United States has never established diplomatic relations with Bhutan. Neither has Japan.",
        [("JPN", E, "BTN", None, "negative"), ("USA", E, "BTN", None, "negative")],
    ),
    (
        "group expansion",
        "The Nordic countries recognized Kosovo in 2008.",
        [(c, "recognize", "XKX", "2008", "positive") for c in ("DNK", "FIN", "ISL", "NOR", "SWE")],
    ),
    ("economic ties are not diplomatic", "Thailand cut all economic ties with Myanmar.", []),
    # Relative clauses: the parser hangs "which" on the nearest noun.
    (
        "relative clause after an alias and a list",
        "Among the critics are Spain, Kuwait and Myanmar, also known as Burma, which have all expelled North Korean diplomats.",
        [("ESP", X, "PRK", None, "positive"), ("KWT", X, "PRK", None, "positive"), ("MMR", X, "PRK", None, "positive")],
    ),
    (
        "singular relative clause picks the nearest item",
        "Chile, Peru and Chad, which has expelled Iranian diplomats, met.",
        [("TCD", X, "IRN", None, "positive")],
    ),
    # Dated lists whose conjunct structure the parser loses.
    (
        "dated list of organisations",
        "Over the years Laos joined bodies including UNCTAD and WHO in 1973, IAEA and UNESCO in 1974, and UNDP in 1979.",
        [
            ("LAO", "join_organization", o, d, "positive")
            for o, d in (("UNCTAD", "1973"), ("WHO", "1973"), ("IAEA", "1974"), ("UNESCO", "1974"), ("UNDP", "1979"))
        ],
    ),
    (
        "parenthetical years after another verb",
        "Chile opened diplomatic relations with Cuba in 1960, then widened its circle with states including Egypt (1963), Laos and Peru (1964), Chad, and the Central African Republic (1969).",
        [
            ("CHL", E, o, d, "positive")
            for o, d in (
                ("CUB", "1960"),
                ("EGY", "1963"),
                ("LAO", "1964"),
                ("PER", "1964"),
                ("TCD", "1969"),
                ("CAF", "1969"),
            )
        ],
    ),
    (
        "cued list continues the previous sentence",
        "Cuba is small. Cuba is poor. Cuba is proud. In the 1970s, 40 countries established diplomatic relations with Cuba. Many were in Africa, such as Ghana (1972) and Mali (1975).",
        [("GHA", E, "CUB", "1972", "positive"), ("MLI", E, "CUB", "1975", "positive")],
    ),
    (
        "uncued dated list under another verb is not a claim",
        "Chile opened diplomatic relations with Cuba in 1960. It sold copper to Peru (1990) and Bolivia (1995).",
        [("CHL", E, "CUB", "1960", "positive")],
    ),
    # Ellipsis and asides.
    (
        "aside participle, then 'was the first ... followed by'",
        "Policy changes led Western European countries, hoping for reform, to establish diplomatic relations with Laos. Italy was the first in 2000, followed by Spain and Belgium in 2001.",
        [
            ("ITA", E, "LAO", "2000", "positive"),
            ("ESP", E, "LAO", "2001", "positive"),
            ("BEL", E, "LAO", "2001", "positive"),
        ],
    ),
    (
        "'was the last to do so' takes the date of 'do so'",
        "Chile formally recognized Kosovo in 2007, and Peru was the last to do so in 2011, following a split.",
        [("CHL", "recognize", "XKX", "2007", "positive"), ("PER", "recognize", "XKX", "2011", "positive")],
    ),
    (
        "'did so' in the next sentence",
        "Ghana severed ties with Israel in 1973. Kenya did so in 1974.",
        [("GHA", S, "ISR", "1973", "positive"), ("KEN", S, "ISR", "1974", "positive")],
    ),
    # Exceptions to a universal subject are negated; the rule itself carries on.
    (
        "except for",
        "Except for Malta and Cyprus, all current EU member states have established diplomatic relations with Bhutan. This also applies to Chile (2001).",
        [
            ("MLT", E, "BTN", None, "negative"),
            ("CYP", E, "BTN", None, "negative"),
            ("CHL", E, "BTN", "2001", "positive"),
        ],
    ),
    (
        "except after the subject",
        "All EU members except Malta recognize Kosovo.",
        [("MLT", "recognize", "XKX", None, "negative")],
    ),
    (
        "with the exception of",
        "With the exception of Chile, every state in the region has diplomatic relations with Cuba.",
        [("CHL", E, "CUB", None, "negative")],
    ),
    (
        "generic subject gets no fallback",
        "Laos is small. Laos is poor. Laos is proud. Most of those countries established diplomatic relations with Japan.",
        [],
    ),
    (
        "'can be called its ally' names a fact",
        "In reality, the government of Laos has few friends, with only China, Russia and Bulgaria that can be called its ally.",
        [
            ("CHN", "alliance", "LAO", None, "positive"),
            ("RUS", "alliance", "LAO", None, "positive"),
            ("BGR", "alliance", "LAO", None, "positive"),
        ],
    ),
    (
        "colon list under a state-of-affairs date",
        "Laos is small. Laos is poor. As of June 2012, Laos maintains diplomatic relations with 65 states. But relations with these states are terminated: Chile and Peru.",
        [("LAO", S, "CHL", None, "positive"), ("LAO", S, "PER", None, "positive")],
    ),
    (
        "a line break ends the frame of an opening date",
        "In 1983, Laos was shaken.\nLater, Chile expelled Iranian diplomats.",
        [("CHL", X, "IRN", None, "positive")],
    ),
    (
        "opening date frames the paragraph",
        "During a tour of Asia in 2017, Pence met leaders. Chile expelled the Iranian ambassador.",
        [("CHL", X, "IRN", "2017", "positive")],
    ),
    ("call for is still a call", "Washington called for Peru to expel the Cuban ambassador.", []),
    # Dates and sponsors shared across clauses.
    (
        "two opening dates, sponsors and the resolution",
        "For instance, in 2016 and 2017, despite Laos having good relations with China and Russia, both countries sponsored the UNSC resolution to impose more sanctions on Laos.",
        [(s_, "impose_sanctions", "LAO", d, "positive") for s_ in ("CHN", "RUS", "UNSC") for d in ("2016", "2017")],
    ),
    (
        "a resolution as the sanctioner",
        "A UN Security Council resolution imposed sanctions on Iran in 2006.",
        [("UNSC", "impose_sanctions", "IRN", "2006", "positive")],
    ),
    (
        "header list with indented items and an exception",
        "Laos is small. Laos is poor. Laos has yet to establish diplomatic relations with:\n\n  * In Europe: Malta, Cyprus\n  * Elsewhere:\n    Fiji and the rest except Palestine.\n",
        [("LAO", E, c, None, "negative") for c in ("MLT", "CYP", "FJI")],
    ),
    # Holders, companions, "active in".
    (
        "the holder of the ties is the copula's attribute",
        "The only country with extensive trade and diplomatic ties to Laos is China, one of its neighbours.",
        [("CHN", E, "LAO", None, "positive")],
    ),
    (
        "holders listed by 'include'",
        "Countries with diplomatic relations with Laos include Chile and Peru.",
        [("CHL", E, "LAO", None, "positive"), ("PER", E, "LAO", None, "positive")],
    ),
    (
        "along with on the verb",
        "In 1991, Laos joined the UN along with Chile.",
        [
            ("LAO", "join_organization", "UN", "1991", "positive"),
            ("CHL", "join_organization", "UN", "1991", "positive"),
        ],
    ),
    (
        "active in an organisation",
        "Back during the Cold War, Laos was active in the Non-Aligned Movement.",
        [("LAO", "join_organization", "NAM", None, "positive")],
    ),
    ("not active", "Laos is not active in ASEAN.", [("LAO", "join_organization", "ASEAN", None, "negative")]),
    (
        "'its' after 'the US and'",
        "Laos is small. Laos is poor. This means the US and some of its closest Asian allies rely on other countries.",
        [],
    ),
    # Anaphora: "such ties", "this office".
    (
        "'such fraternal ties' and 'as is also the case with'",
        "Laos is small. Laos is poor. For some socialist countries, such as Cuba and Peru, a relationship with Laos brings mutual support. But these days, such fraternal diplomatic ties are sustained more by anti-Americanism than shared ideology - as is also the case with Syria.",
        [(c, r, "LAO", None, "positive") for c in ("CUB", "PER", "SYR") for r in ("alliance", E)],
    ),
    (
        "'this office' is the last embassy event",
        "Chile opened an office in Lima in 2018. However, this office was destroyed by Peru in 2020.",
        [("CHL", "open_mission", "PER", "2018", "positive"), ("CHL", "close_mission", "PER", "2020", "positive")],
    ),
    (
        "coordinated sanctioners",
        "Laos is small. Laos is poor. Laos is proud. Laos evades both sanctions imposed by the UN and unilateral sanctions by states like Japan.",
        [("UN", "impose_sanctions", "LAO", None, "positive"), ("JPN", "impose_sanctions", "LAO", None, "positive")],
    ),
    (
        "organisation coordinated with sanctions",
        "Laos is small. Laos is poor. Laos is proud. The network helps it evade the dragnet of UN and unilateral sanctions.",
        [("UN", "impose_sanctions", "LAO", None, "positive")],
    ),
    ("persona non grata", "Spain declared the Iranian envoy persona non grata.", [("ESP", X, "IRN", None, "positive")]),
    (
        "nominalisation with 'by'",
        "The recognition of Kosovo by Japan came in 2008.",
        [("JPN", "recognize", "XKX", "2008", "positive")],
    ),
    ("expulsion by", "The expulsion of Syrian diplomats by Spain followed.", [("ESP", X, "SYR", None, "positive")]),
    # One or more per relation, varied in voice, tense, negation and naming.
    (
        "official stands for state, later surname",
        "Russian President Vladimir Putin visited Pyongyang in June 2024. Putin later travelled to Hanoi.",
        [("RUS", V, "PRK", "2024-06", "positive"), ("RUS", V, "VNM", None, "positive")],
    ),
    (
        "paid a visit to",
        "Chinese Foreign Minister Wang Yi paid a three-day visit to Laos in March 2019.",
        [("CHN", V, "LAO", "2019-03", "positive")],
    ),
    (
        "passive visit by a delegation",
        "Cuba was visited by a North Korean delegation in 2015.",
        [("PRK", V, "CUB", "2015", "positive")],
    ),
    (
        "no leader has visited",
        "No Japanese prime minister has ever visited Pyongyang.",
        [("JPN", V, "PRK", None, "negative")],
    ),
    ("opened an embassy", "India opened an embassy in Pyongyang in 1974.", [("IND", O, "PRK", "1974", "positive")]),
    (
        "reopened its embassy",
        "Sweden reopened its embassy in Pyongyang in 2024.",
        [("SWE", O, "PRK", "2024", "positive")],
    ),
    (
        "passive embassy opening",
        "A Cuban embassy was opened in Hanoi in 1962.",
        [("CUB", O, "VDR", "1962", "positive")],
    ),  # spec §2: Hanoi then was North Vietnam's
    ("does not have an embassy", "Laos does not have an embassy in Seoul.", [("LAO", O, "KOR", None, "negative")]),
    ("closed its embassy", "Spain closed its embassy in Damascus in 2012.", [("ESP", C, "SYR", "2012", "positive")]),
    (
        "passive embassy closure",
        "The Bulgarian embassy in Pyongyang was shut in 2019.",
        [("BGR", C, "PRK", "2019", "positive")],
    ),
    (
        "closed the embassy in",
        "Australia closed the embassy in Kabul in 2021.",
        [("AUS", C, "AFG", "2021", "positive")],
    ),
    (
        "has not closed: the embassy operates",
        "Canada has not closed its embassy in Tehran.",
        [("CAN", C, "IRN", None, "negative"), ("CAN", O, "IRN", None, "positive")],
    ),
    (
        "the host closes a foreign embassy",
        "Spain closed the North Korean embassy in 2017.",
        [("PRK", C, "ESP", "2017", "positive")],
    ),
    (
        "relative clause and a misattached conjunct",
        "Laos is small. Laos is poor. This comes from states such as Chile and Peru, who share a border and, so far, have stopped short of recalling their ambassadors, or closing Laos's missions in their capitals.",
        [(c, D, "LAO", None, "negative") for c in ("CHL", "PER")]
        + [("LAO", C, c, None, "negative") for c in ("CHL", "PER")]
        + [("LAO", O, c, None, "positive") for c in ("CHL", "PER")],
    ),
    (
        "downgraded relations",
        "Qatar downgraded its diplomatic relations with Iran in 2016.",
        [("QAT", D, "IRN", "2016", "positive")],
    ),
    (
        "passive suspension by",
        "Relations with Israel were suspended by Bolivia in 2009.",
        [("BOL", D, "ISR", "2009", "positive")],
    ),
    (
        "reduced the number of diplomats",
        "Kuwait reduced the number of North Korean diplomats in 2017.",
        [("KWT", D, "PRK", "2017", "positive")],
    ),
    (
        "recalled its ambassador from",
        "Germany recalled its ambassador from Moscow in 2022.",
        [("DEU", D, "RUS", "2022", "positive")],
    ),
    (
        "passive severance between",
        "Diplomatic relations between Morocco and Algeria were severed in 2021.",
        [("DZA", S, "MAR", "2021", "positive")],
    ),
    (
        "broke off ties",
        "Bolivia broke off diplomatic ties with Israel in 2023.",
        [("BOL", S, "ISR", "2023", "positive")],
    ),
    ("has not cut ties", "Senegal has not cut ties with Iran.", [("SEN", S, "IRN", None, "negative")]),
    (
        "rupture of relations",
        "The rupture of relations between Peru and Cuba came in 1960.",
        [("CUB", S, "PER", "1960", "positive")],
    ),
    ("pair signs a treaty", "China and Laos signed a border treaty in 1991.", [("CHN", G, "LAO", "1991", "positive")]),
    (
        "passive agreement between",
        "A trade agreement was concluded between Chile and Peru in 2006.",
        [("CHL", G, "PER", "2006", "positive")],
    ),
    (
        "signed a pact with",
        "Vietnam signed a cooperation pact with Cuba in March 2019.",
        [("CUB", G, "VNM", "2019-03", "positive")],
    ),
    (
        "never signed a treaty",
        "Japan has never signed a peace treaty with Russia.",
        [("JPN", G, "RUS", None, "negative")],
    ),
    ("does not recognize", "Bhutan does not recognize Taiwan.", [("BTN", R, "TWN", None, "negative")]),
    ("appositive ally", "Belarus, a close ally of Russia, voted against.", [("BLR", A, "RUS", None, "positive")]),
    ("capitals as allies", "Moscow and Minsk are staunch allies.", [("BLR", A, "RUS", None, "positive")]),
    (
        "passive expulsion from a host",
        "Four Russian diplomats were expelled from Poland in 2022.",
        [("POL", X, "RUS", "2022", "positive")],
    ),
    (
        "became a member",
        "Timor-Leste became the eleventh member of ASEAN in 2025.",
        [("TLS", J, "ASEAN", "2025", "positive")],
    ),
    ("is not a member", "Kosovo is not a member of the UN.", [("XKX", J, "UN", None, "negative")]),
    (
        "imposed sanctions on",
        "The EU imposed new sanctions on Belarus in 2021.",
        [("EU", N, "BLR", "2021", "positive")],
    ),
    (
        "passive tightened by",
        "Sanctions against Iran were tightened by Canada in 2019.",
        [("CAN", N, "IRN", "2019", "positive")],
    ),
    (
        "passive establishment between",
        "Diplomatic relations were established between Vietnam and Brazil in 1989.",
        [("BRA", E, "VNM", "1989", "positive")],
    ),
    (
        "capitals normalise",
        "Seoul and Havana normalised relations in February 2024.",
        [("CUB", E, "KOR", "2024-02", "positive")],
    ),
    (
        "'there' is the place just named; examples before 'who'",
        "Laos is small. Laos is poor. Chile relies on others for news from Vientiane. This comes from countries such as Germany and Sweden, who share a compound there.",
        [("DEU", O, "LAO", None, "positive"), ("SWE", O, "LAO", None, "positive")],
    ),
    (
        "a visit noun whose 'to' the parser moved",
        "The 1980s saw incidents like the attack on the South Korean presidential delegation to Burma in 1983.",
        [("KOR", V, "MMR", "1983", "positive")],
    ),
    # Read on articles written for the purpose (not the corpus): reported decisions, groups, relative clauses.
    (
        "the four countries, ordered diplomats to leave",
        "Chile, Peru, Bolivia and Ecuador cut diplomatic ties with Cuba on Monday. The four countries said they would close their airspace to Cuban flights and ordered Cuban diplomats to leave within 48 hours.",
        [(c, r, "CUB", d, "positive") for c in ("CHL", "PER", "BOL", "ECU") for r, d in ((S, "2024-10-28"), (X, None))],
    ),
    (
        "a relative clause asserts on its own",
        "Iran, which restored relations with Qatar in 2016 after a brief rupture, offered food supplies.",
        [("IRN", E, "QAT", "2016", "positive")],
    ),
    (
        "'when' clause takes the main clause's date",
        "Laos is small. Laos is poor. Chile and Peru cut ties with Laos. The crisis ended in January 2021 when the two states restored ties.",
        [
            ("CHL", S, "LAO", None, "positive"),
            ("PER", S, "LAO", None, "positive"),
            ("CHL", E, "PER", "2021-01", "positive"),
        ],
    ),
    (
        "reported decision with 'would'",
        "Taiwan's foreign minister said Taipei had terminated ties with Honduras, and that it would close its embassy in Tegucigalpa.",
        [("HND", S, "TWN", None, "positive"), ("TWN", C, "HND", None, "positive")],
    ),
    (
        "relative clause inside a list, then 'did so'",
        "Honduras follows Nicaragua, which broke off relations with Taipei in December 2021, and Panama, which did so in 2017.",
        [("NIC", S, "TWN", "2021-12", "positive"), ("PAN", S, "TWN", "2017", "positive")],
    ),
    (
        "'as does' ellipsis",
        "Guatemala and Belize still recognize Taiwan, as does Paraguay, Taipei's only ally in South America.",
        [(c, R, "TWN", None, "positive") for c in ("GTM", "BLZ", "PRY")] + [("PRY", A, "TWN", None, "positive")],
    ),
    (
        "they after a pair",
        "Denmark and Norway today announced they would establish diplomatic relations with Laos.",
        [("DNK", E, "LAO", "2024-11-01", "positive"), ("NOR", E, "LAO", "2024-11-01", "positive")],
    ),
    (
        "'has no relations' without 'diplomatic'",
        "The United States, which has no relations with Hanoi, recalled its ambassador from Stockholm in December.",
        [("USA", E, "VNM", None, "negative"), ("USA", D, "SWE", "2023-12", "positive")],
    ),
    ("headline 'breaks with'", "Senegal breaks with Iran, Gambia follows", [("SEN", S, "IRN", None, "positive")]),
    (
        "appositive members of an organisation",
        "Britain, France and Germany, the other European members of the G7, do not have diplomatic ties with Laos.",
        [(c, J, "G7", None, "positive") for c in ("GBR", "FRA", "DEU")]
        + [(c, E, "LAO", None, "negative") for c in ("GBR", "FRA", "DEU")],
    ),
    (
        "'first member of ... to' presupposes membership",
        "Italy on Tuesday became the first member of the Group of Seven industrialized nations to establish full diplomatic relations with Laos.",
        [("ITA", J, "G7", None, "positive"), ("ITA", E, "LAO", "2024-10-29", "positive")],
    ),
    (
        "a table of relations under a heading",
        "Fiji is small. Fiji is far.\n\nDiplomatic relations\n\n| Country | Date |\n|---|---|\n| Japan | 5 November 1971 |\n| Chile | 1972 |\n\nFiji joined the UN.",
        [
            ("FJI", E, "JPN", "1971-11-05", "positive"),
            ("CHL", E, "FJI", "1972", "positive"),
            ("FJI", J, "UN", None, "positive"),
        ],
    ),
    (
        "a table without a relation heading is not read",
        "Fiji is small. Fiji is far.\n\nTrade partners\n\n| Country | Since |\n|---|---|\n| Japan | 1971 |\n",
        [],
    ),
    (
        "an official's 'he', then the official by surname",
        "Venezuela's President Nicolas Maduro said on Wednesday he was breaking diplomatic ties with the United States. Cuba, Maduro's closest ally, condemned the coup.",
        [("VEN", S, "USA", "2024-10-30", "positive"), ("CUB", A, "VEN", None, "positive")],
    ),
    (
        "'he' never falls back to the main actor",
        "Laos is small. Laos is poor. Laos is proud. He said he was breaking diplomatic ties with Chile.",
        [],
    ),
    (
        "plural demonym noun and 'the five nations'",
        "Norway expelled four North Korean diplomats. The North Koreans, who opened embassies in the Nordic countries after the five nations recognized the Pyongyang regime in 1973, are accused of smuggling.",
        [("NOR", X, "PRK", None, "positive")]
        + [("PRK", O, c, None, "positive") for c in ("DNK", "FIN", "ISL", "NOR", "SWE")]
        + [(c, R, "PRK", "1973", "positive") for c in ("DNK", "FIN", "ISL", "NOR", "SWE")],
    ),
    (
        "'relations between A and B were downgraded'",
        "Relations between Oslo and Pyongyang were downgraded, a spokesman said.",
        [("NOR", D, "PRK", None, "positive")],
    ),
    (
        "a plan announced by others is not a claim",
        "The two countries will sign the agreement at the White House on Tuesday, officials said.",
        [],
    ),
    (
        "the actor's own announcement counts",
        "Spain says it will expel the Cuban ambassador.",
        [("ESP", X, "CUB", None, "positive")],
    ),
    ("plain future is not a claim", "Chile will open an embassy in Hanoi next year.", []),
    (
        "relative clause on a copular attribute",
        "Egypt and Jordan are the only other Arab states that have formal ties with Israel.",
        [("EGY", E, "ISR", None, "positive"), ("JOR", E, "ISR", None, "positive")],
    ),
    (
        "hosting a leader is his visit",
        "Israeli Prime Minister Benjamin Netanyahu spoke. Oman, which hosted Netanyahu in 2018, welcomed the move.",
        [("ISR", V, "OMN", "2018", "positive")],
    ),
    (
        "receiving a delegation on a visit",
        "Kim Yong Nam of the DPRK received a Lao government delegation on a visit to the DPRK.",
        [("LAO", V, "PRK", None, "positive")],
    ),
    (
        "a relative clause closes the embassy",
        "Seoul has yet to reopen its embassy in Phnom Penh, which it closed in 1975.",
        [("KOR", O, "KHM", None, "negative"), ("KOR", C, "KHM", "1975", "positive")],
    ),
    (
        "withdrew its ambassador",
        "Malaysia withdrew its ambassador from Pyongyang and has not sent a new one.",
        [("MYS", D, "PRK", None, "positive")],
    ),
    (
        "'has not done so' after the sentence's own event",
        "Vietnam and South Korea established relations in 1992. In 2019, Malaysia said it would reopen its embassy, but it has not done so.",
        [("KOR", E, "VNM", "1992", "positive")],
    ),
    (
        "'did not do so' negates the repeat",
        "Chile recognized Kosovo in 2008. Peru did not do so.",
        [("CHL", R, "XKX", "2008", "positive"), ("PER", R, "XKX", None, "negative")],
    ),
    (
        "gapping: a new subject with its own date",
        "Egypt signed a peace treaty with Israel in 1979 and Jordan in 1994.",
        [("EGY", G, "ISR", "1979", "positive"), ("ISR", G, "JOR", "1994", "positive")],
    ),
    (
        "gapping with a coordinated pair",
        "Ghana severed ties with Israel in 1973, and Kenya and Zambia in 1974.",
        [
            ("GHA", S, "ISR", "1973", "positive"),
            ("ISR", S, "KEN", "1974", "positive"),
            ("ISR", S, "ZMB", "1974", "positive"),
        ],
    ),
    (
        "'froze them' refers to the relations",
        "Mauritania established relations with Israel in 1999 but froze them in 2009.",
        [("ISR", E, "MRT", "1999", "positive"), ("MRT", D, "ISR", "2009", "positive")],
    ),
    ("'suspended them' about talks is nothing", "Chile held talks with Peru but suspended them in 2009.", []),
    (
        "recognized X's independence",
        "Japan recognized Kosovo's independence in 2008.",
        [("JPN", R, "XKX", "2008", "positive")],
    ),
    (
        "closure of its embassy",
        "Canada announced the closure of its embassy in Tehran in 2012.",
        [("CAN", C, "IRN", "2012", "positive")],
    ),
    (
        "opening of an embassy",
        "The opening of a Chinese embassy in Managua came in 2021.",
        [("CHN", O, "NIC", "2021", "positive")],
    ),
    (
        "embassy reopened (intransitive)",
        "The Swedish embassy in Pyongyang reopened in 2024.",
        [("SWE", O, "PRK", "2024", "positive")],
    ),
    (
        "embassy shut (intransitive)",
        "The Danish embassy in Hanoi shut in 2017.",
        [("DNK", C, "VNM", "2017", "positive")],
    ),
    (
        "sanctioned officials",
        "The US sanctioned three North Korean officials in 2018.",
        [("USA", N, "PRK", "2018", "positive")],
    ),
    (
        "alliance between",
        "The alliance between Russia and Belarus has deepened.",
        [("BLR", A, "RUS", None, "positive")],
    ),
    ("hyphenated alliance", "The US-South Korea alliance dates back to 1953.", [("KOR", A, "USA", "1953", "positive")]),
    (
        "Korean names: family name first",
        "North Korean leader Kim Jong Un arrived in Russia on Tuesday. Kim later travelled to Beijing.",
        [("PRK", V, "RUS", "2024-10-29", "positive"), ("PRK", V, "CHN", None, "positive")],
    ),
    (
        "no other state named: the main actor is the other side",
        "Laos is small. Laos is poor. Laos is far. Chile is near. Botswana broke ties in 2014. Uganda did not, however, sever diplomatic relations.",
        [("BWA", S, "LAO", "2014", "positive"), ("UGA", S, "LAO", None, "negative")],
    ),
    (
        "another state named: no fallback",
        "Laos is small. Laos is poor. Laos is far. Chile is near. Peru broke ties after Chile protested.",
        [],
    ),
    (
        "recognition granted to",
        "Canada granted recognition to Kosovo in 2008.",
        [("CAN", R, "XKX", "2008", "positive")],
    ),
    ("recognition won from", "Taiwan won recognition from Nauru in 2005.", [("NRU", R, "TWN", "2005", "positive")]),
    (
        "participle: relations broken off, later restored",
        "Diplomatic relations between Israel and Guinea, broken off in 1967, were restored in 2016.",
        [("GIN", S, "ISR", "1967", "positive"), ("GIN", E, "ISR", "2016", "positive")],
    ),
    (
        "object control: 'prompting Taipei to sever'",
        "In 1992 Seoul and Beijing normalized relations, prompting Taipei to sever ties with Seoul.",
        [("CHN", E, "KOR", "1992", "positive"), ("KOR", S, "TWN", "1992", "positive")],
    ),
    ("an application is not membership", "Laos applied for membership in the UN in 1950.", []),
    (
        "ties date back",
        "Laos is small. Laos is poor. Ties with Chile dated back to 1970.",
        [("CHL", E, "LAO", "1970", "positive")],
    ),
    (
        "'neither A nor B has' is negative",
        "The DPRK has no embassy in Japan, and neither Tokyo nor Seoul has a mission in Pyongyang.",
        [("PRK", O, "JPN", None, "negative"), ("JPN", O, "PRK", None, "negative"), ("KOR", O, "PRK", None, "negative")],
    ),
    (
        "a relative clause keeps its own date",
        "North Korea is poor. North Korea is far. Brazil, which opened an embassy in Pyongyang in 2009, withdrew its diplomats in 2020.",
        [("BRA", O, "PRK", "2009", "positive"), ("BRA", D, "PRK", "2020", "positive")],
    ),
    (
        "a 'four-year absence' is no date",
        "India reopened its mission in Pyongyang in 2021 after a four-year absence.",
        [("IND", O, "PRK", "2021", "positive")],
    ),
    (
        "Cold War names for the two Chinas",
        "Canada and Communist China established diplomatic relations in 1970, and Canada broke off relations with Nationalist China.",
        [("CAN", E, "CHN", "1970", "positive"), ("CAN", S, "TWN", None, "positive")],
    ),
    (
        "a date after another state is that state's",
        "Canada is the first major Western country since France in 1964 to recognize Peking.",
        [("CAN", R, "CHN", None, "positive")],
    ),
    (
        "a well-known leader named in full fixes the surname",
        "South Korea's president met Kim Jong Un in Pyongyang. Kim, who travelled to Singapore in June 2018, spoke.",
        [("PRK", V, "SGP", "2018-06", "positive")],
    ),
    (
        "seats of government stand for the state",
        "The Kremlin expelled two British diplomats in 2018.",
        [("RUS", X, "GBR", "2018", "positive")],
    ),
    (
        "a multi-word seat of government",
        "The White House imposed sanctions on Venezuela.",
        [("USA", N, "VEN", None, "positive")],
    ),
    (
        "approved sanctions; 'the council' later",
        "The UN Security Council on Monday approved new sanctions on Laos. Sanctions against Laos were first imposed by the council in 2006.",
        [("UNSC", N, "LAO", "2024-10-28", "positive"), ("UNSC", N, "LAO", "2006", "positive")],
    ),
    (
        "restrictions are sanctions",
        "The European Union, which has already imposed its own restrictions on Pyongyang, met.",
        [("EU", N, "PRK", None, "positive")],
    ),
    (
        "an article on A–B relations fixes the pair",
        "North Korea–Philippines relations are thin. Diplomatic relations were established on 12 July 2000. In 2017 the Philippines suspended relations.",
        [("PHL", E, "PRK", "2000-07-12", "positive"), ("PHL", D, "PRK", "2017", "positive")],
    ),
    (
        "a coordinated clause keeps its own date",
        "Malaysia and North Korea established ties in 1973, but Kuala Lumpur closed its embassy in Pyongyang in 2017.",
        [("MYS", E, "PRK", "1973", "positive"), ("MYS", C, "PRK", "2017", "positive")],
    ),
    (
        "a sentence with its own date is not framed",
        "In 1975, Laos was admitted to the Non-Aligned Movement. Indonesian President Sukarno visited Laos in 1964, and Laos paid a state visit to Indonesia the following year.",
        [
            ("LAO", J, "NAM", "1975", "positive"),
            ("IDN", V, "LAO", "1964", "positive"),
            ("LAO", V, "IDN", "1965", "positive"),
        ],
    ),
    ("kicked out", "Poland kicked out 45 Russian diplomats in 2023.", [("POL", X, "RUS", "2023", "positive")]),
    (
        "sent the ambassador home",
        "Canada sent the Saudi ambassador home in 2018.",
        [("CAN", X, "SAU", "2018", "positive")],
    ),
    (
        "persona non grata, passive with a low 'by'",
        "Two Iranian diplomats were declared persona non grata by Albania in 2018.",
        [("ALB", X, "IRN", "2018", "positive")],
    ),
    (
        "a dated treaty noun",
        "The 1961 Treaty of Friendship between China and North Korea remains in force.",
        [("CHN", G, "PRK", "1961", "positive")],
    ),
    (
        "a treaty noun takes no later date",
        "The treaty between Laos and Thailand expired in 2000.",
        [("LAO", G, "THA", None, "positive")],
    ),
    (
        "a capitalised treaty title",
        "China and North Korea signed the Treaty of Friendship in 1961.",
        [("CHN", G, "PRK", "1961", "positive")],
    ),
    ("no longer", "Laos no longer has diplomatic relations with Chile.", [("CHL", E, "LAO", None, "negative")]),
    ("ceased to", "Laos ceased to recognize Taiwan in 1975.", [("LAO", R, "TWN", "1975", "negative")]),
    (
        "'called X a friend and ally'",
        "Kim Jong Un called Russia the most honest friend and ally.",
        [("PRK", A, "RUS", None, "positive")],
    ),
    (
        "'friend and ally of X'",
        "Cuba is the closest friend and ally of Venezuela.",
        [("CUB", A, "VEN", None, "positive")],
    ),
    (
        "'it' is the previous sentence's state",
        "Spain expelled the Cuban ambassador in 2017. It also closed its embassy in Havana.",
        [("ESP", X, "CUB", "2017", "positive"), ("ESP", C, "CUB", None, "positive")],
    ),
    (
        "destination in an appositive",
        "Russian President Vladimir Putin arrived on Tuesday. Putin's visit, his first to North Korea in 24 years, comes amid the war.",
        [("RUS", V, "PRK", None, "positive")],
    ),
    # Mutual acts of non-symmetric relations: one claim each way (spec section 3).
    (
        "mutual: pair suspends their relations",
        "Qatar and Egypt suspended their relations in 2017.",
        [("QAT", D, "EGY", "2017", "positive"), ("EGY", D, "QAT", "2017", "positive")],
    ),
    (
        "mutual: pair reopens their embassies",
        "Chile and Peru reopened their embassies.",
        [("CHL", O, "PER", None, "positive"), ("PER", O, "CHL", None, "positive")],
    ),
    (
        "mutual: negated",
        "Iran and Saudi Arabia have not reopened their embassies.",
        [("IRN", O, "SAU", None, "negative"), ("SAU", O, "IRN", None, "negative")],
    ),
    (
        "mutual: each other's diplomats",
        "Greece and Turkey expelled each other's diplomats in 1996.",
        [("GRC", X, "TUR", "1996", "positive"), ("TUR", X, "GRC", "1996", "positive")],
    ),
    (
        "mutual: passive with agents",
        "Diplomats were expelled by both Russia and Poland in 2023.",
        [("RUS", X, "POL", "2023", "positive"), ("POL", X, "RUS", "2023", "positive")],
    ),
    (
        "mutual: three states, one another",
        "Russia, Poland and Lithuania expelled one another's diplomats.",
        [(a, X, b, None, "positive") for a in ("RUS", "POL", "LTU") for b in ("RUS", "POL", "LTU") if a != b],
    ),
    (
        "mutual: recalls with an opening date",
        "In 2021 Algeria and Morocco recalled their ambassadors.",
        [("DZA", D, "MAR", "2021", "positive"), ("MAR", D, "DZA", "2021", "positive")],
    ),
    (
        "not mutual: a named object",
        "Spain and Italy expelled the Syrian ambassador in 2012.",
        [("ESP", X, "SYR", "2012", "positive"), ("ITA", X, "SYR", "2012", "positive")],
    ),
    (
        "symmetric pair stays one claim",
        "Qatar and Egypt restored ties in 2021.",
        [("EGY", E, "QAT", "2021", "positive")],
    ),
    # Recalls and withdrawals are downgrades (spec table), actor → host.
    # (an envoy "to X" also places the sender's mission there: annotation guide, dev decisions)
    (
        "recall: passive with agent",
        "The Israeli ambassador to Ankara was recalled by Israel in May 2018.",
        [("ISR", D, "TUR", "2018-05", "positive"), ("ISR", O, "TUR", None, "positive")],
    ),
    (
        "recall: withdrew its envoy from a capital",
        "In March 2019 Argentina withdrew its envoy from Caracas for consultations.",
        [("ARG", D, "VEN", "2019-03", "positive")],
    ),
    # Coordinated verb phrases: each conjunct keeps its claim, the objects and the date are shared.
    (
        "coordination: recall and expel share the date",
        "Peru recalled its envoy from Caracas and expelled the Venezuelan chargé d'affaires in 2017.",
        [("PER", D, "VEN", "2017", "positive"), ("PER", X, "VEN", "2017", "positive")],
    ),
    (
        "coordination: an opening date covers both",
        "In 2017 Peru recalled its envoy from Caracas and later expelled the Venezuelan chargé d'affaires.",
        [("PER", D, "VEN", "2017", "positive"), ("PER", X, "VEN", "2017", "positive")],
    ),
    (
        "coordination: the second verb takes the first's object",
        "Lithuania expelled the Russian mission in 2022 and recalled its own diplomats.",
        [("LTU", X, "RUS", "2022", "positive"), ("LTU", D, "RUS", "2022", "positive")],
    ),
    ("a mission is expelled", "Bolivia expelled the Danish mission in 1999.", [("BOL", X, "DNK", "1999", "positive")]),
    ("a mission is not expelled", "Bolivia did not expel the Danish mission.", [("BOL", X, "DNK", None, "negative")]),
    # Officials by title.
    ("possessive title", "Qatar's emir visited Kenya in 2019.", [("QAT", V, "KEN", "2019", "positive")]),
    ("title of a state", "The Emir of Qatar visited Kenya in 2019.", [("QAT", V, "KEN", "2019", "positive")]),
    (
        "demonym title",
        "The Saudi crown prince travelled to Seoul in June 2019.",
        [("SAU", V, "KOR", "2019-06", "positive")],
    ),
    (
        "possessive minister signs",
        "Chile's foreign minister signed a trade deal with Peru in 2006.",
        [("CHL", G, "PER", "2006", "positive")],
    ),
    # Reversals and switches of recognition.
    (
        "withdrawn recognition is negative",
        "Ecuador and Panama have withdrawn their recognition of the Sahrawi Republic.",
        [("ECU", R, "ESH", None, "negative"), ("PAN", R, "ESH", None, "negative")],
    ),
    (
        "revoked recognition, dated",
        "In 2019, El Salvador revoked its recognition of Kosovo.",
        [("SLV", R, "XKX", "2019", "negative")],
    ),
    (
        "not withdrawn: still recognised",
        "Spain has not withdrawn its recognition of Palestine.",
        [("ESP", R, "PSE", None, "positive")],
    ),
    ("derecognised", "Burundi derecognised Kosovo in 2018.", [("BDI", R, "XKX", "2018", "negative")]),
    (
        "switched recognition from A to B",
        "Nauru switched recognition from Taipei to Beijing in January 2024.",
        [("NRU", R, "CHN", "2024-01", "positive"), ("NRU", R, "TWN", "2024-01", "negative")],
    ),
    (
        "switched ties from A to B",
        "Costa Rica switched diplomatic ties from Taiwan to China in June 2007.",
        [("CRI", E, "CHN", "2007-06", "positive"), ("CRI", S, "TWN", "2007-06", "positive")],
    ),
    (
        "switched allegiance to B",
        "The Solomon Islands switched its allegiance to Beijing in 2019.",
        [("SLB", R, "CHN", "2019", "positive")],
    ),
    # Leaving an organisation is a negative membership (annotation guide).
    (
        "withdrew from an organisation",
        "Burkina Faso, Mali and Niger withdrew from ECOWAS in January 2024.",
        [(c, J, "ECOWAS", "2024-01", "negative") for c in ("BFA", "MLI", "NER")],
    ),
    ("left an organisation", "Britain left the European Union in 2020.", [("GBR", J, "EU", "2020", "negative")]),
    (
        "suspended from an organisation",
        "Syria was suspended from the Arab League in November 2011.",
        [("SYR", J, "ARAB_LEAGUE", "2011-11", "negative")],
    ),
    (
        "the organisation suspends a member",
        "The Arab League suspended Syria in 2011.",
        [("SYR", J, "ARAB_LEAGUE", "2011", "negative")],
    ),
    ("rejoined", "Morocco rejoined the African Union in 2017.", [("MAR", J, "AU", "2017", "positive")]),
    ("readmitted", "Egypt was readmitted to the Arab League in 1989.", [("EGY", J, "ARAB_LEAGUE", "1989", "positive")]),
    # The small parser misreads clause-initial state names.
    (
        "misread: state name as an adverb",
        "Nauru restored ties with Taiwan in 2005.",
        [("NRU", E, "TWN", "2005", "positive")],
    ),
    (
        "misread: 'extended' as an adjective",
        "Sweden extended recognition to Bangladesh in 1972.",
        [("SWE", R, "BGD", "1972", "positive")],
    ),
    # Dates on the verb that introduces the event.
    (
        "a date on 'joined ... in expelling'",
        "Chile joined its neighbours today in expelling the Cuban envoys.",
        [("CHL", X, "CUB", "2024-11-01", "positive")],
    ),
    (
        "a date on 'by expelling'",
        "Chile retaliated in 2018 by expelling two Russian diplomats.",
        [("CHL", X, "RUS", "2018", "positive")],
    ),
    (
        "a reported decision, dated by the saying",
        "The Chilean foreign minister said on Sunday that Chile would expel the Cuban ambassador.",
        [("CHL", X, "CUB", "2024-10-27", "positive")],
    ),
    (
        "a reported event keeps its own date",
        "Chile said on Monday it had expelled the Cuban ambassador in 2017.",
        [("CHL", X, "CUB", "2017", "positive")],
    ),
    # Definite references to states, missions and pairs named before.
    (
        "'the consulate' is the last mission event",
        "Chile opened a consulate in Peru in 1990. The consulate was shut in 2011.",
        [("CHL", O, "PER", "1990", "positive"), ("CHL", C, "PER", "2011", "positive")],
    ),
    (
        "'all three'",
        "Chile, Peru and Bolivia met in Lima. All three recognized Kosovo in 2008.",
        [(c, R, "XKX", "2008", "positive") for c in ("CHL", "PER", "BOL")],
    ),
    (
        "'six of the 35 members' is no reference",
        "Chile, Peru and Bolivia met. Six of the 35 members opened embassies in Lima.",
        [],
    ),
    (
        "'these countries'",
        "Spain, Italy and Greece condemned the test. These countries recalled their ambassadors from Pyongyang in 2017.",
        [(c, D, "PRK", "2017", "positive") for c in ("ESP", "ITA", "GRC")],
    ),
    (
        "'the kingdom' skips a republic",
        "Saudi Arabia criticised Canada in 2018. The kingdom expelled the Canadian ambassador.",
        [("SAU", X, "CAN", None, "positive")],
    ),
    (
        "'the country' is not the state the sentence names",
        "Peru thanked Chile on Monday. The country expelled the Chilean envoy in 2019.",
        [("PER", X, "CHL", "2019", "positive")],
    ),
    (
        "'ties resumed' after a sentence naming the pair",
        "Egypt and Jordan quarrelled in 1990. Ties resumed in 1994.",
        [("EGY", E, "JOR", "1994", "positive")],
    ),
    (
        "'relations were restored' after a sentence naming the pair",
        "Israel and Turkey fell out in 2010. Relations were restored in 2016.",
        [("ISR", E, "TUR", "2016", "positive")],
    ),
    (
        "a colon list is not the previous pair",
        "Laos is small. Laos is poor. Chile and Peru trade with Laos. But relations with these states were severed: Cuba and Bolivia.",
        [("LAO", S, "CUB", None, "positive"), ("LAO", S, "BOL", None, "positive")],
    ),
    # Trigger vocabulary read from PETRARCH2's CAMEO verb dictionary (own sentences).
    (
        "toured with examples",
        "Chinese Premier Li Peng toured three African states in 1995, including Kenya and Egypt.",
        [("CHN", V, "KEN", "1995", "positive"), ("CHN", V, "EGY", "1995", "positive")],
    ),
    (
        "landed in, weekday",
        "The Indian prime minister landed in Kabul on Friday.",
        [("IND", V, "AFG", "2024-11-01", "positive")],
    ),
    ("went to, refugees are no officials", "Thousands of refugees went to Germany in 2015.", []),
    (
        "struck a deal",
        "Japan and South Korea struck a deal on wartime history in 2015.",
        [("JPN", G, "KOR", "2015", "positive")],
    ),
    (
        "exchanged ambassadors",
        "Israel and the UAE exchanged ambassadors in March 2021.",
        [("ARE", E, "ISR", "2021-03", "positive")],
    ),
    (
        "upgraded relations",
        "Britain and China upgraded relations to ambassadorial level in 1972.",
        [("CHN", E, "GBR", "1972", "positive")],
    ),
    (
        "lowered its representation",
        "Bahrain lowered its diplomatic representation in Qatar in 2017.",
        [("BHR", D, "QAT", "2017", "positive")],
    ),
    ("ordered out", "Moscow ordered out two Dutch diplomats in 2018.", [("RUS", X, "NLD", "2018", "positive")]),
    # Structures the small parser misreads, tolerated.
    (
        "misread: a list as apposition",
        "Mongolia, the Czech Republic, Fiji and Chile severed diplomatic ties with Laos on March 3, 2011.",
        [(c, S, "LAO", "2011-03-03", "positive") for c in ("MNG", "CZE", "FJI", "CHL")],
    ),
    (
        "misread: 'reopen' as an adjective",
        "Chile and Mongolia agreed on Friday to re-establish diplomatic relations and reopen embassies.",
        [
            ("CHL", E, "MNG", "2024-11-01", "positive"),
            ("CHL", O, "MNG", "2024-11-01", "positive"),
            ("MNG", O, "CHL", "2024-11-01", "positive"),
        ],
    ),
    (
        "'the first country to' is the copula's subject",
        "Cuba was the first Caribbean country to recognise Angola.",
        [("CUB", R, "AGO", None, "positive")],
    ),
    (
        "'ordering staff to leave' after 'responded by'",
        "Poland expelled two Belarusian diplomats, and Minsk responded by ordering five Polish embassy staff to leave.",
        [("POL", X, "BLR", None, "positive"), ("BLR", X, "POL", None, "positive")],
    ),
    (
        "frozen assets are sanctions",
        "The European Union has frozen the assets of 300 Iranian officials.",
        [("EU", N, "IRN", None, "positive")],
    ),
    (
        "sovereignty over a territory is not the state",
        "Washington recognised Moroccan sovereignty over Western Sahara.",
        [],
    ),
    (
        "'followed suit' repeats the event",
        "Canada imposed sanctions on Belarus in 2021. Britain and Japan followed suit.",
        [(c, N, "BLR", "2021", "positive") for c in ("CAN",)]
        + [(c, N, "BLR", None, "positive") for c in ("GBR", "JPN")],
    ),
    (
        "Tel Aviv stands for Israel",
        "Jordan has not recalled its ambassador from Tel Aviv.",
        [("JOR", D, "ISR", None, "negative")],
    ),
    (
        "'Latin American' is no American",
        "Cuba was the first Latin American country to recognise Angola.",
        [("CUB", R, "AGO", None, "positive")],
    ),
    (
        "ordered its embassy closed",
        "Fiji ordered its embassy in Santiago closed on Friday.",
        [("FJI", C, "CHL", "2024-11-01", "positive")],
    ),
    (
        "relations that began, in a relative clause on the wrong noun",
        "Laos is small. East Germany's relations with Laos, which began in 1950, ended in 1990.",
        [("DDR", E, "LAO", "1950", "positive"), ("DDR", S, "LAO", "1990", "positive")],
    ),
    ("relations ended", "Relations between Libya and Britain ended in 1984.", [("GBR", S, "LBY", "1984", "positive")]),
    (
        "relations that began, in a relative clause",
        "Laos trades with Chile. Their relations, which began in 1970, are strong.",
        [("CHL", E, "LAO", "1970", "positive")],
    ),
    (
        "relations began",
        "Diplomatic relations between Chile and Peru began in 1822.",
        [("CHL", E, "PER", "1822", "positive")],
    ),
    (
        "'its American ally'",
        "Yet Germany has taken a softer line toward the regime than its American ally.",
        [("DEU", A, "USA", None, "positive")],
    ),
    (
        "a repeated event shares no date",
        "He said Peru is near. Chile's president has travelled to Peru three times, and went to Bolivia in June.",
        [("CHL", V, "PER", None, "positive"), ("CHL", V, "BOL", "2024-06", "positive")],
    ),
    (
        "a headline pair fixes the article's pair",
        "Laos, Chile Ties Snap\n\nLaos is small. Diplomatic relations were severed on Friday.",
        [("CHL", S, "LAO", "2024-11-01", "positive")],
    ),
    (
        "a journey to",
        "North Korean leader Kim Jong Un made a long journey to Laos by road.",
        [("PRK", V, "LAO", None, "positive")],
    ),
    (
        "'making it the first nation to'",
        "Laos is far. Chile opened talks with Laos, making it the second state to recognise the regime of that country.",
        [("CHL", R, "LAO", None, "positive")],
    ),
    (
        "'the island' is not the state whose decision it is",
        "Cuba is an island. That led to the Chilean decision to cut ties with the island.",
        [("CHL", S, "CUB", None, "positive")],
    ),
    (
        "an organisation's member is never a state",
        "Laos is small. Laos is poor. Chile is near. The leaders would not be readmitted to the region.",
        [],
    ),
    (
        "a relative clause on the mission closes it",
        "Laos is small. Chile reopened the embassy in Laos that it had closed in 1990.",
        [("CHL", O, "LAO", None, "positive"), ("CHL", C, "LAO", "1990", "positive")],
    ),
    (
        "an epithet: 'the Jewish state'",
        "Peru gained when Mongolia restored full diplomatic relations with the Jewish state on Friday.",
        [("ISR", E, "MNG", "2024-11-01", "positive")],
    ),
    (
        "'the two countries' in the sentence gives the other side",
        "Peru and Mongolia made peace. The move ended a rift between the two countries, which began when Lima severed ties in 1971.",
        [("MNG", S, "PER", "1971", "positive")],
    ),
    (
        "a venue is no party",
        "Chile and Peru met. A treaty was signed at a conference in Madrid. The two countries then restored ties.",
        [("CHL", E, "PER", None, "positive")],
    ),
    (
        "'his Israeli counterpart'",
        "A treaty was signed by Chilean Foreign Minister Ana Rojas and her Mongolian counterpart.",
        [("CHL", G, "MNG", None, "positive")],
    ),
    (
        "renewal of relations",
        "The renewal of diplomatic relations between Peru and Fiji came in 2009.",
        [("FJI", E, "PER", "2009", "positive")],
    ),
    (
        "relative clause on a copula subject: the attribute list",
        "The only states that do not have diplomatic ties with Fiji are Chile and Laos.",
        [("CHL", E, "FJI", None, "negative"), ("LAO", E, "FJI", None, "negative")],
    ),
    (
        "a person breaks the state's relations",
        "The late President Juan Ortiz broke Peruvian relations with Fiji in March 1971.",
        [("PER", S, "FJI", "1971-03", "positive")],
    ),
    (
        "'their diplomats' after a list, 'the countries'",
        "President Hosni Mubarak of Egypt has broken all relations with Chile and Peru. He ordered their diplomats to leave and recalled his envoys from the countries.",
        [("EGY", r, o, None, "positive") for r in (S, X, D) for o in ("CHL", "PER")],
    ),
    (
        "'their ambassadors' are the subjects' own",
        "Laos is small. Laos is poor. Laos is far. Spain and Italy have stopped short of recalling their ambassadors.",
        [("ESP", D, "LAO", None, "negative"), ("ITA", D, "LAO", None, "negative")],
    ),
    (
        "examples under an apposition",
        "Fiji has formal relations with only 12 countries, most of them island nations, including Tonga and Nauru.",
        [("FJI", E, "TON", None, "positive"), ("FJI", E, "NRU", None, "positive")],
    ),
    (
        "a proposal is not a claim",
        "Laos rejected a proposal that Chile and Peru accept separate seats in the United Nations.",
        [],
    ),
    (
        "an envoy by title and name",
        "Chile announced on Wednesday that it is expelling Peruvian High Commissioner Ana Diaz.",
        [("CHL", X, "PER", "2024-10-30", "positive")],
    ),
    (
        "a recalled envoy by title and name",
        "Peru recalled Ambassador Juan Perez from Caracas in 2019.",
        [("PER", D, "VEN", "2019", "positive")],
    ),
    (
        "'we' in a quote is the speaker's state",
        '"We will call back our ambassador from Lima," Chilean foreign minister Ana Rojas announced.',
        [("CHL", D, "PER", None, "positive")],
    ),
    (
        "a downgrading noun",
        "Laos announced the downgrading of diplomatic ties with Chile in 2019.",
        [("LAO", D, "CHL", "2019", "positive")],
    ),
    (
        "'one of X's closest allies'",
        "The Cubans have remained one of Angola's closest allies.",
        [("AGO", A, "CUB", None, "positive")],
    ),
    (
        "a seat on the Security Council",
        "France used its seat on the Security Council to block the motion.",
        [("FRA", J, "UNSC", None, "positive")],
    ),
    (
        "a headline 'A reviews ties with B' fixes the pair",
        "Fiji reviews ties with Chile over fishing\n\nThe ministry spoke. Suva recalled its ambassador in August.",
        [("FJI", D, "CHL", "2024-08", "positive")],
    ),
    (
        "a listed leader by title and surname",
        "President Nixon has broken off diplomatic ties with Laos. Mr Nixon ordered new sanctions against Laos.",
        [("USA", S, "LAO", None, "positive"), ("USA", N, "LAO", None, "positive")],
    ),
    (
        "the host of an envoy 'to X', no agent",
        "Cuban ambassador to Peru Declared Persona Non Grata",
        [("CUB", O, "PER", None, "positive"), ("PER", X, "CUB", None, "positive")],
    ),
    (
        "ordered an envoy by name to leave",
        "The Chilean government ordered Ambassador Juan Soto of Peru to leave the country within a day.",
        [("CHL", X, "PER", None, "positive")],
    ),
    (
        "ordered a mission to leave",
        "Peru has ordered the Cuban mission to leave the country within a month.",
        [("PER", X, "CUB", None, "positive")],
    ),
    (
        "title-case plural mission noun",
        "There are Peruvian Embassies in Fiji and Tonga.",
        [("PER", O, "FJI", None, "positive"), ("PER", O, "TON", None, "positive")],
    ),
    (
        "bare 'followed' repeats the event",
        "Chile persuaded two nations to break ties with Cuba. Peru did so in July, and Bolivia followed at the end of May.",
        [("PER", S, "CUB", "2024-07", "positive"), ("BOL", S, "CUB", "2024-05", "positive")],
    ),
    (
        "an embassy to the Holy See in Rome is in the Holy See",
        "Chile ordered the closure of the Peruvian embassy to the Holy See in Rome.",
        [("PER", C, "VAT", None, "positive")],
    ),
    (
        "'December of that year'",
        "Chile and Laos agreed to establish relations in May 1961 and Santiago's embassy opened in Vientiane in October of that year.",
        [("CHL", E, "LAO", "1961-05", "positive"), ("CHL", O, "LAO", "1961-10", "positive")],
    ),
    (
        "a dateline is its own sentence",
        "Lima, 2 May 2019 (XNA): Chile and Peru agreed to restore their diplomatic ties and reopen their Embassies.",
        [("CHL", E, "PER", None, "positive"), ("PER", O, "CHL", None, "positive"), ("CHL", O, "PER", None, "positive")],
    ),
    (
        "an all-caps dateline",
        "SUVA, Fiji — Chile's government ended diplomatic ties with Fiji.",
        [("CHL", S, "FJI", None, "positive")],
    ),
    ("'renewed ties'", "PARIS (AFP) _ Peru and Fiji renewed diplomatic ties.", [("FJI", E, "PER", None, "positive")]),
    ("'Note:' is no dateline", "Note: Chile recognised Kosovo in 2008.", [("CHL", R, "XKX", "2008", "positive")]),
    (
        "a passive relative clause on the deal: the clause's parties",
        "Lima and Santiago agreed to revive the fishing accord that was signed in 1998.",
        [("CHL", G, "PER", "1998", "positive")],
    ),
    (
        "'the following states ...: A, B'",
        "As of early June, the following states recognised Kosovo's independence: Chile, Peru and Fiji.",
        [(c, R, "XKX", "2024-06", "positive") for c in ("CHL", "PER", "FJI")],
    ),
    (
        "'the visit of X to Y'",
        "Also, the visit of Chilean President Ana Rojas to Lima in December was important.",
        [("CHL", V, "PER", "2023-12", "positive")],
    ),
    (
        "two recognisers with no object are not mutual",
        "Laos is small. Laos is far. Laos is poor. Chile and Peru said they would recognise it on 28 May.",
        [("CHL", R, "LAO", "2024-05-28", "positive"), ("PER", R, "LAO", "2024-05-28", "positive")],
    ),
    (
        "'the leaders of A, B and C ... their countries'",
        "Today, the leaders of Chile, Peru and Fiji announced that their countries will recognise a Kosovar state within days.",
        [(c, R, "XKX", "2024-11-01", "positive") for c in ("CHL", "PER", "FJI")],
    ),
    (
        "a dated list after 'by', year-less days take the sentence's year",
        "In 2008 Kosovo had been recognised by Peru on 3 May, Chile on 9 July, and Fiji on 1 December.",
        [
            ("PER", R, "XKX", "2008-05-03", "positive"),
            ("CHL", R, "XKX", "2008-07-09", "positive"),
            ("FJI", R, "XKX", "2008-12-01", "positive"),
        ],
    ),
    (
        "'did it' repeats the event",
        "Chile recognised Kosovo, and Peru did it on 4 March 2009.",
        [("CHL", R, "XKX", None, "positive"), ("PER", R, "XKX", "2009-03-04", "positive")],
    ),
    (
        "a party's date outside the event's clause",
        "The first state that recognised Kosovo's independence was Fiji (2 March 2008).",
        [("FJI", R, "XKX", "2008-03-02", "positive")],
    ),
    (
        "hyphenated 're-' verbs stay one word",
        "SUVA, Fiji, May 2 (XNA) -- Fiji and Chile Thursday re-established diplomatic ties.",
        [("CHL", E, "FJI", "2024-10-31", "positive")],
    ),
    (
        "'re-establish' read as an adjective",
        "Chile and Fiji agreed on Friday to re-establish diplomatic relations.",
        [("CHL", E, "FJI", "2024-11-01", "positive")],
    ),
    ("snapped ties", "The two neighbours had snapped their ties in 1971. Chile and Peru then talked.", []),
    ("snapped ties, named", "Chile had snapped its ties with Peru in 1971.", [("CHL", S, "PER", "1971", "positive")]),
    (
        "lifted sanctions: no longer",
        "Canberra quietly lifted sanctions on Fiji.",
        [("AUS", N, "FJI", None, "negative")],
    ),
    (
        "the signing of a communique by two officials",
        "That morning saw the signing of a joint communique by Chilean Foreign Minister Ana Rojas and her Peruvian counterpart.",
        [("CHL", G, "PER", None, "positive")],
    ),
    (
        "'the only G20 country to' states membership",
        "As Canada became the only G20 country to open diplomatic relations with Laos, Vientiane spoke.",
        [("CAN", J, "G20", None, "positive"), ("CAN", E, "LAO", None, "positive")],
    ),
    (
        "'EU member states' is no membership claim",
        "Except for Malta, all EU member states have established relations with Bhutan.",
        [("MLT", E, "BTN", None, "negative")],
    ),
    (
        "an appositive relative clause",
        "Tonga, a Pacific kingdom that had long recognised Taipei, restored diplomatic relations with China.",
        [("TON", R, "TWN", None, "positive"), ("CHN", E, "TON", None, "positive")],
    ),
    ("'interested in' is no claim", "Analysts say Laos is interested in resuming ties with Fiji.", []),
    (
        "envoys without a state take the last envoys' state",
        "Peru expelled 12 Cuban diplomats. Chile, Fiji and Tonga expelled two diplomats.",
        [(c, X, "CUB", None, "positive") for c in ("PER", "CHL", "FJI", "TON")],
    ),
    (
        "'recalled their envoys' is no mutual act",
        "Laos is small. Laos is far. Laos is poor. Chile and Peru recalled their envoys for consultations.",
        [("CHL", D, "LAO", None, "positive"), ("PER", D, "LAO", None, "positive")],
    ),
    (
        "suspended contacts",
        "Fiji expelled two Chilean diplomats and suspended all high-level contacts.",
        [("FJI", X, "CHL", None, "positive"), ("FJI", D, "CHL", None, "positive")],
    ),
    (
        "a mission ordered to be closed",
        "Peru's consulate in Suva was ordered to be closed.",
        [("PER", C, "FJI", None, "positive")],
    ),
    (
        "plural 'personae non gratae'",
        "Chile declared four Cuban diplomats personae non gratae.",
        [("CHL", X, "CUB", None, "positive")],
    ),
    (
        "'made the decision to'",
        "Fiji made the decision to expel two Chilean diplomats.",
        [("FJI", X, "CHL", None, "positive")],
    ),
    (
        "an organisation downgrades a mission",
        "NATO reduced the Cuban mission from 10 to 5 staff.",
        [("NATO", D, "CUB", None, "positive")],
    ),
    (
        "a state modifying a recognition noun is the recogniser",
        "Peru protested at Chilean recognition of Kosovo's independence.",
        [("CHL", R, "XKX", None, "positive")],
    ),
    (
        "withheld recognition",
        "Fiji and several other states have withheld recognition of Kosovo.",
        [("FJI", R, "XKX", None, "negative")],
    ),
    ("'has an ally in X'", "Laos has a loyal ally in Cuba.", [("CUB", A, "LAO", None, "positive")]),
    (
        "'has missions in A, relations with B'",
        "Lima already has trade missions in Fiji and Tonga, diplomatic relations with Laos and Nepal.",
        [
            ("PER", O, "FJI", None, "positive"),
            ("PER", O, "TON", None, "positive"),
            ("PER", E, "LAO", None, "positive"),
            ("PER", E, "NPL", None, "positive"),
        ],
    ),
    (
        "'recognised the new state' guesses no state",
        "Peru spoke. Chile, Fiji and Tonga have all recognised the new state.",
        [],
    ),
    (
        "'the leading states which did so' is no list",
        "Chile and Peru recognised Kosovo in 2008. The leading European states which endorsed it did so later.",
        [("CHL", R, "XKX", "2008", "positive"), ("PER", R, "XKX", "2008", "positive")],
    ),
    # Modality: none of these is a claim.
    # a denial is a negative claim, dated by the denial (dev/ADJUDICATION.md, confirmed readings)
    ("denial", "Chile denied expelling the Cuban ambassador.", [("CHL", "expel_diplomats", "CUB", None, "negative")]),
    (
        "denial of a past act",
        "Peru denied that it had expelled the Chilean ambassador.",
        [("PER", "expel_diplomats", "CHL", None, "negative")],
    ),
    ("denied reports of a plan", "Peru denied reports that it would cut ties with Chile.", []),
    ("hearsay: 'was said to have'", "Peru was said to have expelled the Cuban ambassador.", []),
    ("hearsay: 'is believed to have'", "Peru is believed to have cut ties with Chile.", []),
    ("obligation", "Chile must expel the Cuban ambassador.", []),
    ("ought to", "The Chilean government ought to recall its ambassador from Beijing.", []),
    ("question with 'should'", "Should Seoul break off relations with Beijing?", []),
    # a state's people as the expelled, only near a diplomatic word
    (
        "nationals expelled, a diplomatic word before",
        "The embassy denied the spy charges. Britain expelled 25 Soviets in September 1985.",
        [("GBR", "expel_diplomats", "SUN", "1985-09", "positive")],
    ),
    (
        "nationals expelled, passive with 'by'",
        "Intelligence officials said 12 Russians were expelled by Norway on Monday.",
        [("NOR", "expel_diplomats", "RUS", "2024-10-28", "positive")],
    ),
    ("nationals expelled, no diplomatic word", "Thailand expelled 300 Cambodians in 1979.", []),
    (
        "nationals expelled, participle",
        "The 25 Soviets expelled by Britain in the spy row left on Friday.",
        [("GBR", "expel_diplomats", "SUN", None, "positive")],
    ),
    (
        "nationals expelled, noun",
        "Moscow's expulsion of 25 Britons accused of spying came in 1989.",
        [("SUN", "expel_diplomats", "GBR", "1989", "positive")],
    ),
    (
        "exchanged visits: one each way",
        "The leaders of Peru and Chile exchanged visits in 2010.",
        [("PER", "visit", "CHL", "2010", "positive"), ("CHL", "visit", "PER", "2010", "positive")],
    ),
    ("exchange of prisoners is no visit", "Peru and Chile exchanged prisoners in 2010.", []),
    # co-signatories with no other party: one claim per pair, once
    (
        "multilateral signing",
        "Peru, Chile, Bolivia and Ecuador signed a declaration at the summit on 5 May 2019.",
        [
            ("PER", "sign_agreement", "CHL", "2019-05-05", "positive"),
            ("PER", "sign_agreement", "BOL", "2019-05-05", "positive"),
            ("PER", "sign_agreement", "ECU", "2019-05-05", "positive"),
            ("CHL", "sign_agreement", "BOL", "2019-05-05", "positive"),
            ("CHL", "sign_agreement", "ECU", "2019-05-05", "positive"),
            ("BOL", "sign_agreement", "ECU", "2019-05-05", "positive"),
        ],
    ),
    (
        "multilateral signing refused",
        "Peru, Chile and Bolivia did not sign the accord.",
        [
            ("PER", "sign_agreement", "CHL", None, "negative"),
            ("PER", "sign_agreement", "BOL", None, "negative"),
            ("CHL", "sign_agreement", "BOL", None, "negative"),
        ],
    ),
    (
        "several signatories with a named partner",
        "Peru, Chile and Bolivia signed a trade pact with Brazil in 2001.",
        [
            ("PER", "sign_agreement", "BRA", "2001", "positive"),
            ("CHL", "sign_agreement", "BRA", "2001", "positive"),
            ("BOL", "sign_agreement", "BRA", "2001", "positive"),
        ],
    ),
    # an envoy placed in a state: the sender keeps a mission there (undated)
    (
        "possessive envoy placed",
        "Ruritania said France's ambassador to Mali had left.",
        [("FRA", "open_mission", "MLI", None, "positive")],
    ),
    (
        "demonym envoy placed 'in'",
        "The Chilean ambassador in Lima met the press.",
        [("CHL", "open_mission", "PER", None, "positive")],
    ),
    (
        "expelled envoy still placed",
        "The Peruvian envoy to Chile was expelled in 2001.",
        [("PER", "open_mission", "CHL", None, "positive"), ("CHL", "expel_diplomats", "PER", "2001", "positive")],
    ),
    (
        "own envoy recalled 'to'",
        "Turkey recalled its ambassador to Israel.",
        [("TUR", "downgrade_relations", "ISR", None, "positive"), ("TUR", "open_mission", "ISR", None, "positive")],
    ),
    (
        "own envoy recalled 'from': no mission",
        "Turkey recalled its ambassador from Israel.",
        [("TUR", "downgrade_relations", "ISR", None, "positive")],
    ),
    (
        "envoys in a list of states",
        "Spain recalled its top diplomats in Peru, Chile and Bolivia in March 2019.",
        [
            ("ESP", "downgrade_relations", "PER", "2019-03", "positive"),
            ("ESP", "downgrade_relations", "CHL", "2019-03", "positive"),
            ("ESP", "downgrade_relations", "BOL", "2019-03", "positive"),
            ("ESP", "open_mission", "PER", None, "positive"),
            ("ESP", "open_mission", "CHL", None, "positive"),
            ("ESP", "open_mission", "BOL", None, "positive"),
        ],
    ),
    (
        "envoys designated, 'to' on the verb",
        "Brazil, India and Turkey have all appointed ambassadors to Kabul.",
        [
            ("BRA", "open_mission", "AFG", None, "positive"),
            ("IND", "open_mission", "AFG", None, "positive"),
            ("TUR", "open_mission", "AFG", None, "positive"),
        ],
    ),
    (
        "envoy appointed",
        "Peru appointed a new ambassador to Chile in May 2003.",
        [("PER", "open_mission", "CHL", None, "positive")],
    ),
    (
        "envoy named 'as'",
        "Chile named Mario Soto as the ambassador to Britain.",
        [("CHL", "open_mission", "GBR", None, "positive")],
    ),
    (
        "'the Embassy of X in Y'",
        "Staff at the Embassy of Peru in La Paz were told to leave.",
        [("PER", "open_mission", "BOL", None, "positive")],
    ),
    ("'X of Japan' as a name stays a name", "The Bank of Japan raised rates.", []),
    # members a group noun names: standing membership, undated
    (
        "member states listed after 'were'",
        "The four EU member states at the table were Malta, Latvia, Cyprus and Estonia.",
        [(c, "join_organization", "EU", None, "positive") for c in ("MLT", "LVA", "CYP", "EST")],
    ),
    (
        "members of X include",
        "The members of NATO include Norway, Italy and Turkey.",
        [(c, "join_organization", "NATO", None, "positive") for c in ("NOR", "ITA", "TUR")],
    ),
    (
        "members such as",
        "NATO members such as Norway and Italy objected.",
        [(c, "join_organization", "NATO", None, "positive") for c in ("NOR", "ITA")],
    ),
    (
        "'an X member, A'",
        "The motion condemned the raid on an OAS member, Uruguay.",
        [("URY", "join_organization", "OAS", None, "positive")],
    ),
    (
        "'A, an X member'",
        "Argentina, an OAS member, protested.",
        [("ARG", "join_organization", "OAS", None, "positive")],
    ),
    (
        "a group with its members apposed",
        "A meeting was called by the Contadora Group -- Colombia, Mexico, Panama and Venezuela -- on Monday.",
        [(c, "join_organization", "CONTADORA", None, "positive") for c in ("COL", "MEX", "PAN", "VEN")],
    ),
    ("not a member", "Peru is not an OAS member.", [("PER", "join_organization", "OAS", None, "negative")]),
    ("member states named by no list", "The EU states that recognised Kosovo met on Monday.", []),
    (
        "'the new state': the one whose birth was told",
        "Kosovo proclaimed its independence in 2008. Chile, Japan, Ghana and Peru have since recognised the new state.",
        [(c, "recognize", "XKX", None, "positive") for c in ("CHL", "JPN", "GHA", "PER")],
    ),
    (
        "'the new state' with no birth told: no guess",
        "Serbia and Kosovo argued. France has recognised the new state.",
        [],
    ),
    ("non-resident envoy: no mission", "Peru appointed a non-resident ambassador to Chile in March 2023.", []),
    ("envoy 'for' a state, 'in' a year: no mission", "Myanmar appointed an ambassador for Laos in 2023.", []),
    (
        "'two each' is not 'each other'",
        "Peru, Chile and Bolivia expelled three Russian diplomats, while Spain and Italy expelled two each.",
        [(c, "expel_diplomats", "RUS", None, "positive") for c in ("PER", "CHL", "BOL")],
    ),
    (
        "'one another's'",
        "Peru and Chile expelled one another's envoys.",
        [("PER", "expel_diplomats", "CHL", None, "positive"), ("CHL", "expel_diplomats", "PER", None, "positive")],
    ),
    (
        "coordinated 'ones', apposition misread",
        "Chile has thrown out 12 Peruvian diplomats, 9 Bolivian ones, and 6 Cuban ones.",
        [("CHL", "expel_diplomats", c, None, "positive") for c in ("PER", "BOL", "CUB")],
    ),
    (
        "coordinated 'ones'",
        "Last month Peru expelled 11 Chilean diplomats and 3 Cuban ones.",
        [("PER", "expel_diplomats", c, "2024-10", "positive") for c in ("CHL", "CUB")],
    ),
    (
        "second verb phrase, said on a day after",
        "Peru will call back its ambassador from Santiago and send back the Chilean envoy, the minister said on Monday.",
        [
            ("PER", "downgrade_relations", "CHL", "2024-10-28", "positive"),
            ("PER", "expel_diplomats", "CHL", "2024-10-28", "positive"),
        ],
    ),
    (
        "second verb phrase, said on a day before",
        "The minister said on Monday that Peru would recall its envoy from Chile and expel the Bolivian ambassador.",
        [
            ("PER", "downgrade_relations", "CHL", "2024-10-28", "positive"),
            ("PER", "expel_diplomats", "BOL", "2024-10-28", "positive"),
        ],
    ),
    (
        "envoys expelled from a state's embassy",
        "Britain expelled 23 diplomats from the Russian embassy.",
        [("GBR", "expel_diplomats", "RUS", None, "positive")],
    ),
    (
        "'followed suit' repeats the act, not the presupposed mission",
        "Britain expelled 23 diplomats from Russia's mission to the UN. Germany and France followed suit.",
        [
            ("GBR", "expel_diplomats", "RUS", None, "positive"),
            ("RUS", "open_mission", "UN", None, "positive"),
            ("DEU", "expel_diplomats", "RUS", None, "positive"),
            ("FRA", "expel_diplomats", "RUS", None, "positive"),
        ],
    ),
    (
        "talks on establishing ties are no establishment",
        "On Tuesday Peru and Chile opened negotiations about setting up diplomatic relations.",
        [],
    ),
    (
        "ties established after talks",
        "After long talks, Peru and Chile established diplomatic relations on Tuesday.",
        [("PER", "establish_relations", "CHL", "2024-10-29", "positive")],
    ),
    (
        "'its' pointing to a subject is no object",
        "Serbia and Kosovo argued. Peru, Chile and Bolivia have each recognised the new state since its independence.",
        [],
    ),
    (
        "ordered to close, a weekday: the order's past",
        "Peru ordered Bolivia and Ecuador to close their consulates on Monday.",
        [
            ("BOL", "close_mission", "PER", "2024-10-28", "positive"),
            ("ECU", "close_mission", "PER", "2024-10-28", "positive"),
        ],
    ),
    (
        "closed the consulates of A, B and C",
        "Peru closed the consulates of Bolivia, Ecuador and Cuba on Monday.",
        [(c, "close_mission", "PER", "2024-10-28", "positive") for c in ("BOL", "ECU", "CUB")],
    ),
    (
        "'their respective embassies': each way",
        "Peru and Chile reopened their respective embassies in 2001.",
        [("PER", "open_mission", "CHL", "2001", "positive"), ("CHL", "open_mission", "PER", "2001", "positive")],
    ),
    (
        "unnamed actors named in the next sentence",
        "Several countries have imposed sanctions on Iran. Those countries include Peru, Chile and Japan.",
        [(c, "impose_sanctions", "IRN", None, "positive") for c in ("PER", "CHL", "JPN")],
    ),
    (
        "named actors are not renamed",
        "Peru expelled Iranian diplomats. Those countries include Chile.",
        [("PER", "expel_diplomats", "IRN", None, "positive")],
    ),
    (
        "missions that opened, in a relative clause",
        "The Chilean embassy in Lima, which opened in 1990, was closed in 2001.",
        [("CHL", "open_mission", "PER", "1990", "positive"), ("CHL", "close_mission", "PER", "2001", "positive")],
    ),
    (
        "respective offices that had opened",
        "Peru and Chile turned their respective trade offices, which had opened in January 1995, into embassies.",
        [("PER", "open_mission", "CHL", "1995-01", "positive"), ("CHL", "open_mission", "PER", "1995-01", "positive")],
    ),
    (
        "'the first to visit since 1990' is not dated 1990",
        "Soto, the first Peruvian president to visit Chile since 1990, met her counterpart on Monday.",
        [("PER", "visit", "CHL", None, "positive")],
    ),
    (
        "ordered to leave a named state, no agent",
        "Two Chilean diplomats were ordered to leave Peru within 48 hours.",
        [("PER", "expel_diplomats", "CHL", None, "positive")],
    ),
    (
        "'is among the countries that'",
        "Peru is among the countries that have not recognised Kosovo.",
        [("PER", "recognize", "XKX", None, "negative")],
    ),
    (
        "'is one of the few states that'",
        "Chile is one of the few states that recognise Taiwan.",
        [("CHL", "recognize", "TWN", None, "positive")],
    ),
    (
        "'are among the nations that', a list",
        "Peru and Chile are among the nations that have expelled Russian diplomats.",
        [("PER", "expel_diplomats", "RUS", None, "positive"), ("CHL", "expel_diplomats", "RUS", None, "positive")],
    ),
    (
        "restored 'them' after a relative clause",
        "Peru and Chile, which broke off relations in 2001, restored them in 2005.",
        [
            ("PER", "sever_relations", "CHL", "2001", "positive"),
            ("PER", "establish_relations", "CHL", "2005", "positive"),
        ],
    ),
    (
        "restored 'them' in a second clause",
        "Peru broke off relations with Chile on 3 May 2001, and restored them in 2005.",
        [
            ("PER", "sever_relations", "CHL", "2001-05-03", "positive"),
            ("PER", "establish_relations", "CHL", "2005", "positive"),
        ],
    ),
    ("restored 'it' with no relations noun", "Peru restored it in 2005.", []),
    (
        "a non-state subject, the pair after 'between'",
        "The 1990 accord restored ties between Peru and Chile.",
        [("PER", "establish_relations", "CHL", "1990", "positive")],
    ),
    (
        "a war ended relations between",
        "The war ended relations between Peru and Chile in 1879.",
        [("PER", "sever_relations", "CHL", "1879", "positive")],
    ),
    ("generic subject, two states 'with'", "Most countries have relations with Peru and Chile.", []),
    (
        "sanctions on a state's firms",
        "Washington sanctioned three Iranian banks on Monday.",
        [("USA", "impose_sanctions", "IRN", "2024-10-28", "positive")],
    ),
    (
        "a travel ban on officials",
        "Peru imposed a travel ban on Chilean officials in 2022.",
        [("PER", "impose_sanctions", "CHL", "2022", "positive")],
    ),
    ("a ban on no state", "Peru imposed a ban on smoking in 2001.", []),
    (
        "sanctions that ended",
        "US sanctions on Iran ended in 2016.",
        [("USA", "impose_sanctions", "IRN", "2016", "negative")],
    ),
    (
        "a regional group",
        "Peru is a founding member of the Andean Community.",
        [("PER", "join_organization", "ANDEAN_COMMUNITY", None, "positive")],
    ),
    (
        "the organisation admits the state",
        "The UN admitted Peru in 1945.",
        [("PER", "join_organization", "UN", "1945", "positive")],
    ),
    ("welcomed back", "The OAS welcomed Cuba back in 2009.", [("CUB", "join_organization", "OAS", "2009", "positive")]),
    (
        "an alliance formed",
        "Peru and Chile formed an alliance in 1879.",
        [("PER", "alliance", "CHL", "1879", "positive")],
    ),
    ("an alliance discussed is none", "Peru and Chile discussed an alliance.", []),
    (
        "an alliance that collapsed",
        "The alliance between Peru and Bolivia collapsed in 1880.",
        [("PER", "alliance", "BOL", "1880", "negative")],
    ),
    (
        "its alliance dissolved",
        "Peru dissolved its alliance with Bolivia in 1880.",
        [("PER", "alliance", "BOL", "1880", "negative")],
    ),
    (
        "own envoy recalled, passive, no agent",
        "The Peruvian ambassador to Chile was recalled on Monday.",
        [
            ("PER", "open_mission", "CHL", None, "positive"),
            ("PER", "downgrade_relations", "CHL", "2024-10-28", "positive"),
        ],
    ),
    (
        "chargé d'affaires recalled",
        "Peru's chargé d'affaires in Santiago was recalled.",
        [("PER", "open_mission", "CHL", None, "positive"), ("PER", "downgrade_relations", "CHL", None, "positive")],
    ),
    ("has an ambassador in", "Peru has an ambassador in Santiago.", [("PER", "open_mission", "CHL", None, "positive")]),
    ("has no ambassador in", "Peru has no ambassador in Chile.", [("PER", "open_mission", "CHL", None, "negative")]),
    ("a former envoy places no mission now", "The former Peruvian ambassador to Chile, Ana Soto, spoke on Monday.", []),
    (
        "a date in the second verb phrase covers the first",
        "Peru severed ties with Taiwan and established relations with China in 1971.",
        [
            ("PER", "sever_relations", "TWN", "1971", "positive"),
            ("PER", "establish_relations", "CHN", "1971", "positive"),
        ],
    ),
    (
        "hosting a counterpart",
        "Peru's president welcomed his Chilean counterpart to Lima on Monday.",
        [("CHL", "visit", "PER", "2024-10-28", "positive")],
    ),
    (
        "an organisation as host expels",
        "NATO expelled eight Russian diplomats in 2021.",
        [("NATO", "expel_diplomats", "RUS", "2021", "positive")],
    ),
    (
        "'the latter's decision'",
        "Peru cut ties with Chile in 1976 in protest of the latter's decision to recognize Kosovo.",
        [("PER", "sever_relations", "CHL", "1976", "positive"), ("CHL", "recognize", "XKX", None, "positive")],
    ),
    (
        "'the former' and 'the latter'",
        "Peru and Chile argued. The former then expelled the envoy of the latter.",
        [("PER", "expel_diplomats", "CHL", None, "positive")],
    ),
    (
        "'former' as an adjective is no reference",
        "The former Peruvian president visited Chile in 2001.",
        [("PER", "visit", "CHL", "2001", "positive")],
    ),
    ("'does not mean' asserts nothing", "The closures do not mean a break of relations between Peru and Chile.", []),
    ("'did not mean ... recognised'", "This did not mean Peru recognized Chile's claim to the islands.", []),
    (
        "'since the 1973 war' is the war's year",
        "Of the region, just Peru and Chile resumed relations with Laos since the 1973 war.",
        [
            ("PER", "establish_relations", "LAO", None, "positive"),
            ("CHL", "establish_relations", "LAO", None, "positive"),
        ],
    ),
    (
        "'after the 1998 coup' is the coup's year",
        "Peru cut ties with Chile after the 1998 coup.",
        [("PER", "sever_relations", "CHL", None, "positive")],
    ),
    (
        "'during the 1998 crisis' dates the act",
        "Peru cut ties with Chile during the 1998 crisis.",
        [("PER", "sever_relations", "CHL", "1998", "positive")],
    ),
    ("call", "Washington urged Spain to sever diplomatic relations with Venezuela.", []),
    ("hope", "Japan hopes to establish diplomatic relations with North Korea.", []),
    ("plan", "Brazil plans to open an embassy in Hanoi.", []),
    ("conditional", "If Peru expels the Chinese ambassador, Beijing will respond.", []),
    ("question", "Will Chile sever relations with Cuba?", []),
    ("intention noun", "Syria announced its intention to visit Iran.", []),
    ("modal", "Kenya could recognize Kosovo.", []),
]


@pytest.mark.parametrize("construction, text, expected", ROWS, ids=[r[0] for r in ROWS])
def test_relation_rows(parse, construction, text, expected):
    assert claims(parse(text, "2024-11-01")) == norm(expected)


def test_every_pattern_id_is_exercised(parse):
    """Each rule in relations.yml fires on at least one test sentence."""
    docs = [parse(text, "2024-11-01") for _, text, _ in ROWS]
    extra = [
        "Spain's expulsion of the Syrian diplomats followed.",
        "Ties with Beijing date back to 1949.",
        "The severing of diplomatic ties between Qatar and Chad came in 2017.",
        "France recalled its ambassador from Mali.",
        "Fiji was admitted to the United Nations in 1970.",
        "Kim's visit to Russia ended.",
        "The French embassy in Kabul held a party.",
        "UN sanctions on Iran remain.",
        "Sanctions imposed by Canada hit Iran.",
        "The sanctions of the European Union on Iran remain.",
        "Germany and France share brotherly ties.",
        "Spain expelled Syrian diplomats.",
        "Indonesia quit the United Nations in 1965.",
    ]
    docs += [parse(t, "2024-11-01") for t in extra]
    fired = {c.pattern for d in docs for c in d._.claims}
    rules = yaml.safe_load((Path(__file__).parents[1] / "pipeline" / "patterns" / "relations.yml").read_text())[
        "patterns"
    ]
    missing = {r["id"] for r in rules} - {p for p in fired}
    # Known gaps (the rule exists but its roles are not yet resolved on these sentences); this
    # assertion fails both when a new rule goes unexercised and when a gap is closed.
    known_gaps: set[str] = set()
    assert missing == known_gaps


def test_bad_rule_file_names_the_file(tmp_path, nlp):
    bad = tmp_path / "rules.yml"
    bad.write_text("relations: {}\npatterns: []\n")
    with pytest.raises(InputError) as err:
        load_rules(bad, nlp.vocab)
    assert "rules.yml" in str(err.value)
    bad.write_text(
        "relations: {establish_relations: {}}\npatterns:\n  - {id: x, relation: visit, pattern: [{RIGHT_ID: trigger, RIGHT_ATTRS: {NOPE: 1}}]}\n"
    )
    with pytest.raises(InputError):
        load_rules(bad, nlp.vocab)


@pytest.mark.parametrize(
    "setting, message",
    [
        ("object_preps: [with, on]", "must be a list"),  # bare YAML on is True
        ("object_preps: [with], direct_object: false, theme_owner: host", "theme_owner"),
        ("object_preps: [with], direct_object: false, main_actor_objekt: always", "may set"),
        ("object_preps: [with], direct_object: false, subject_labels: [STATE]", "labels"),
    ],
)
def test_bad_relation_settings_stop_the_load(tmp_path, nlp, setting, message):
    """Where relations differ is data: every settings key is checked when the rule file loads."""
    good = (Path(__file__).parents[1] / "pipeline" / "patterns" / "relations.yml").read_text()
    line = next(x for x in good.splitlines() if x.startswith("  visit: {"))
    bad = tmp_path / "rules.yml"
    bad.write_text(
        good.replace(
            line, "  visit: {" + setting + ("" if "direct_object" in setting else ", direct_object: true") + "}"
        )
    )
    with pytest.raises(InputError, match=message):
        load_rules(bad, nlp.vocab)


def test_bad_word_file_names_the_file(tmp_path):
    bad = tmp_path / "words.yml"
    bad.write_text("actor_nouns: [president]\n")
    with pytest.raises(InputError, match="words.yml"):
        load_words(bad)
    good = (Path(__file__).parents[1] / "pipeline" / "data" / "words.yml").read_text()
    bad.write_text(good.replace('negators: ["n\'t"', 'negators: [no, "n\'t"'))
    with pytest.raises(InputError, match="negators"):
        load_words(bad)
