from pathlib import Path

import pytest

from pipeline.corpus import read_article, read_corpus
from pipeline.errors import InputError


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_front_matter_and_offsets_survive_cleaning(tmp_path):
    text = "---\ntitle: T\npublished: 2017-12-19\n---\n![Image 1: caption](http://x/y.jpg)Spain expelled the envoy.\n"
    art = read_article(write(tmp_path, "a.md", text), tmp_path)
    assert art.meta == {"title": "T", "published": "2017-12-19"}
    assert len(art.clean) == len(art.text)
    start = art.text.index("Spain")
    assert art.clean[start : start + 5] == "Spain" and "caption" not in art.clean


def test_repeated_video_captions_and_comment_blocks_are_blanked(tmp_path):
    text = "Body one.\nDual bans\nMore body.\nDual bans\nLeave a Reply\nYou are commenting\n"
    art = read_article(write(tmp_path, "b.txt", text), tmp_path)
    assert "Dual bans" not in art.clean and "commenting" not in art.clean and "More body." in art.clean


def test_article_id_is_relative_path_without_suffix(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path, "sub/x-1.txt", "Text.")
    arts, errs = read_corpus(tmp_path)
    assert [a.id for a in arts] == ["sub/x-1"] and errs == []


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("bad.txt", b"ok\n\xff\xfe", "not valid UTF-8"),
        ("empty.txt", b"  \n", "empty file"),
        ("fm.md", "---\ntitle: T\njust words\n---\nText", "fm.md:3: front matter line is not 'key: value'"),
        (
            "dup.md",
            "---\npublished: 2017\npublished: 2018\n---\nText",
            "dup.md:3: front matter key 'published' given twice",
        ),
        ("open.md", "---\ntitle: x\nText", "never closed"),
        ("pub.md", "---\npublished: 2017-13-40\n---\nText", "bad published date"),
        ("pub2.md", "---\npublished: yesterday\n---\nText", "bad published date"),
        ("pub3.md", "---\ntitle: T\npublished: 0500-06-10\n---\nText", "pub3.md:3: published year 0500 is outside"),
        ("pub4.md", "---\npublished: 9999-12\n---\nText", "pub4.md:2: published year 9999 is outside"),
        ("pub5.md", "---\npublished: \u0662\u0660\u0662\u0660\n---\nText", "bad published date"),  # Arabic-Indic digits
        ("bom-only.txt", b"\xef\xbb\xbf \n", "empty file"),
        ("nul-only.txt", b"\x00\x00\n", "empty file"),
    ],
)
def test_bad_input_names_the_file(tmp_path, name, data, message):
    with pytest.raises(InputError) as err:
        read_article(write(tmp_path, name, data), tmp_path)
    assert message in str(err.value) and name in str(err.value) and "\n" not in str(err.value)


def test_one_bad_article_does_not_stop_the_others(tmp_path):
    write(tmp_path, "good.txt", "Spain expelled the envoy.")
    write(tmp_path, "bad.txt", b"\xff")
    arts, errs = read_corpus(tmp_path)
    assert [a.id for a in arts] == ["good"] and len(errs) == 1 and "bad.txt" in str(errs[0])


@pytest.mark.parametrize(
    "line, key, value",
    [
        ("title: From A to B: who recalled envoys", "title", "From A to B: who recalled envoys"),  # rest of the line
        ('title: "Opinion: a headline"', "title", "Opinion: a headline"),  # one pair of quotes removed
        ("title: 'It''s here'", "title", "It''s here"),  # no YAML unescaping
        ("source: Page #2 of [3]", "source", "Page #2 of [3]"),  # '#' and brackets are text
        ("url: https://example.org/a?b=c", "url", "https://example.org/a?b=c"),
        ("title:", "title", ""),
    ],
)
def test_front_matter_value_is_the_rest_of_its_line(tmp_path, line, key, value):
    art = read_article(write(tmp_path, "a.md", f"---\n{line}\n---\nText.\n"), tmp_path)
    assert art.meta == {key: value}


@pytest.mark.parametrize("prefix, newline", [("", "\r\n"), ("\ufeff", "\n"), ("\ufeff", "\r\n")])
def test_crlf_and_bom_never_hide_the_front_matter(tmp_path, prefix, newline):
    text = prefix + newline.join(["---", "title: T", "published: 2017-12-19", "---", "Spain expelled the envoy.", ""])
    path = write(tmp_path, "a.md", text)
    art = read_article(path, tmp_path)
    assert art.meta == {"title": "T", "published": "2017-12-19"}
    assert art.text == path.read_bytes().decode("utf-8")  # the BOM, if any, is index 0
    assert len(art.clean) == len(art.text) and art.clean.strip() == "Spain expelled the envoy."
    assert art.clean.index("Spain") == art.text.index("Spain")


def test_crlf_lines_are_cleaned_like_lf_lines(tmp_path):
    lines = ["Body one.", "Watch: the talks in two minutes 2:30", "More body.", ""]
    lf = read_article(write(tmp_path, "lf.txt", "\n".join(lines)), tmp_path)
    crlf = read_article(write(tmp_path, "crlf.txt", "\r\n".join(lines)), tmp_path)
    assert "2:30" not in lf.clean and "2:30" not in crlf.clean
    assert crlf.clean.split() == lf.clean.split()


def test_bom_without_front_matter_is_not_part_of_the_first_word(tmp_path):
    art = read_article(write(tmp_path, "a.txt", "\ufeffSpain expelled the envoy."), tmp_path)
    assert art.text[0] == "\ufeff" and art.clean[0] == " " and art.clean[1:6] == "Spain"


def test_control_characters_become_spaces_offsets_kept(tmp_path):
    raw = "Spain acted in 2019.\x1b[31m Peru\x00 followed.\x0cEnd\x85."
    path = write(tmp_path, "a.txt", raw)
    art = read_article(path, tmp_path)
    assert len(art.text) == len(path.read_bytes().decode("utf-8"))
    assert art.text == "Spain acted in 2019. [31m Peru  followed. End ."
    assert art.clean.split() == ["Spain", "acted", "in", "2019.", "31m", "Peru", "followed.", "End", "."]


def test_entity_offsets_index_the_decoded_file_with_bom_crlf_and_controls(tmp_path, nlp):
    from pipeline.extract import extract

    raw = "\ufeff---\r\npublished: 2020-06-15\r\n---\r\nSpain expelled the North Korean ambassador last month.\x1b[31m\r\n"
    path = write(tmp_path, "a.md", raw)
    entities, claims = extract(nlp, [read_article(path, tmp_path)])
    decoded = path.read_bytes().decode("utf-8")
    assert [(e.text, e.code or e.value) for e in entities] == [
        ("Spain", "ESP"),
        ("North Korean", "PRK"),
        ("last month", "2020-05"),
    ]
    assert all(decoded[e.start : e.end] == e.text for e in entities)
    assert [(c.subject, c.object, c.date) for c in claims] == [("ESP", "PRK", "2020-05")]
    assert decoded[claims[0].start : claims[0].end] == claims[0].evidence


def test_hard_wrapped_lines_join_without_moving_offsets(tmp_path):
    """Wire copy wrapped at a fixed width: a break inside a sentence is a space, a break after one
    stays, and a blank line stays a paragraph break."""
    from pipeline.corpus import read_article

    lines = [
        "Tonga, a Pacific kingdom that had recognised Taipei for two",
        "decades, restored diplomatic relations with the People's",
        "Republic of China in Suva on Friday, the two foreign ministers said.",
        "",
        "The day saw the signing of a joint statement by the Tongan",
        "minister and her Chinese counterpart in a hotel by the sea.",
        "Both sides said the return of diplomatic relations between",
        "the two kingdoms' old friends was a matter of great weight.",
        "So far, Beijing has set up diplomatic links with a great many",
        "of the small island states of the region, a spokesman added.",
    ]
    path = tmp_path / "wrapped.txt"
    path.write_text("\n".join(lines) + "\n")
    article = read_article(path, tmp_path)
    assert len(article.clean) == len(article.text)
    assert "People's Republic of China" in article.clean
    assert "ministers said.\n\nThe day" in article.clean  # sentence ends and paragraphs keep their breaks
    prose = tmp_path / "prose.txt"
    prose.write_text("Short line\nAnother line\n")
    assert read_article(prose, tmp_path).clean == "Short line\nAnother line\n"  # not wrapped text: untouched
