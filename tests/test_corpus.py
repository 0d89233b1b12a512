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
    assert art.clean[start:start + 5] == "Spain" and "caption" not in art.clean


def test_repeated_video_captions_and_comment_blocks_are_blanked(tmp_path):
    text = "Body one.\nDual bans\nMore body.\nDual bans\nLeave a Reply\nYou are commenting\n"
    art = read_article(write(tmp_path, "b.txt", text), tmp_path)
    assert "Dual bans" not in art.clean and "commenting" not in art.clean and "More body." in art.clean


def test_article_id_is_relative_path_without_suffix(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path, "sub/x-1.txt", "Text.")
    arts, errs = read_corpus(tmp_path)
    assert [a.id for a in arts] == ["sub/x-1"] and errs == []


@pytest.mark.parametrize("name, data, message", [
    ("bad.txt", b"ok\n\xff\xfe", "not valid UTF-8"),
    ("empty.txt", b"  \n", "empty file"),
    ("fm.md", "---\ntitle: [unclosed\n---\nText", "malformed front matter"),
    ("open.md", "---\ntitle: x\nText", "never closed"),
    ("pub.md", "---\npublished: 2017-13-40\n---\nText", "bad published date"),
    ("pub2.md", "---\npublished: yesterday\n---\nText", "bad published date"),
])
def test_bad_input_names_the_file(tmp_path, name, data, message):
    with pytest.raises(InputError) as err:
        read_article(write(tmp_path, name, data), tmp_path)
    assert message in str(err.value) and name in str(err.value) and "\n" not in str(err.value)


def test_one_bad_article_does_not_stop_the_others(tmp_path):
    write(tmp_path, "good.txt", "Spain expelled the envoy.")
    write(tmp_path, "bad.txt", b"\xff")
    arts, errs = read_corpus(tmp_path)
    assert [a.id for a in arts] == ["good"] and len(errs) == 1 and "bad.txt" in str(errs[0])
