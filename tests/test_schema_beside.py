"""A saved score's #:schema line never points at a missing file."""

from __future__ import annotations

import os
from pathlib import Path

from factories import beat, score

from notation import load, save
from notation.schema import SCHEMA_FILE, shipped_schema_text
from notation.schema_beside import SCHEMA_FILE as BESIDE
from notation.schema_beside import with_schema_beside
from notation.writing import SCHEMA_COMMENT, dumps


def test_saving_puts_the_schema_the_header_names_beside_the_score(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(score(beat()), path)
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == SCHEMA_COMMENT
    named = tmp_path / first.removeprefix("#:schema ").strip()
    assert named.is_file(), "the header names a file that is there"
    assert named.read_text(encoding="utf-8") == shipped_schema_text()
    assert os.stat(named).st_mode & 0o777 == 0o600
    assert BESIDE == SCHEMA_FILE


def test_an_existing_file_is_never_replaced(tmp_path: Path) -> None:
    mine = tmp_path / SCHEMA_FILE
    mine.write_text("{}", encoding="utf-8")
    save(score(beat()), tmp_path / "a.score.toml")
    assert mine.read_text(encoding="utf-8") == "{}"


def test_a_link_in_its_place_is_not_followed_and_the_header_is_left_out(tmp_path: Path) -> None:
    (tmp_path / SCHEMA_FILE).symlink_to(tmp_path / "elsewhere.json")
    path = tmp_path / "a.score.toml"
    save(score(beat()), path)
    assert not (tmp_path / "elsewhere.json").exists()
    text = path.read_text(encoding="utf-8")
    assert not text.startswith("#:schema")
    assert load(path) == score(beat())


def test_text_without_a_schema_line_is_left_as_it_is(tmp_path: Path) -> None:
    text = dumps(score(beat())).partition("\n")[2]
    assert with_schema_beside(tmp_path / "x.score.toml", text) == text
    assert not (tmp_path / SCHEMA_FILE).exists()
