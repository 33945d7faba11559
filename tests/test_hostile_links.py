"""Links and permissions in saving and exporting (issue 11, item 3)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from factories import beat, performer, score

from notation import SaveError, Score, load, save
from notation.private_write import ReadOnlyFile, write_private


def one(title: str = "one") -> Score:
    return score(beat(title=title), performers=[performer("ana")])


def test_saving_through_a_symbolic_link_writes_the_real_score(tmp_path: Path) -> None:
    real = tmp_path / "real.score.toml"
    save(one("old"), real)
    link = tmp_path / "link.score.toml"
    link.symlink_to(real.name)
    save(one("new"), link)
    assert link.is_symlink()
    assert load(real).beats[0].title == "new"


def test_a_hard_linked_score_is_never_split_silently(tmp_path: Path) -> None:
    first = tmp_path / "a.score.toml"
    save(one("old"), first)
    second = tmp_path / "b.score.toml"
    os.link(first, second)
    with pytest.raises(SaveError, match="hard links"):
        save(one("new"), first)
    assert first.stat().st_ino == second.stat().st_ino
    assert load(second).beats[0].title == "old"


def test_a_read_only_score_is_not_overwritten_without_asking(tmp_path: Path) -> None:
    path = tmp_path / "ro.score.toml"
    save(one("old"), path)
    path.chmod(0o444)
    with pytest.raises(ReadOnlyFile, match="read-only"):
        save(one("new"), path)
    assert load(path).beats[0].title == "old"
    save(one("new"), path, over_read_only=True)
    assert load(path).beats[0].title == "new"


def test_every_folder_created_is_private_including_those_between(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "c" / "copy.md"
    made = write_private(target, "x")
    assert made == [tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"]
    for folder in made:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def _export(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "choreo_tui", "export", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
        check=False,
    )


def test_export_onto_a_dangling_link_refuses_without_force(tmp_path: Path) -> None:
    source = tmp_path / "s.score.toml"
    save(one(), source)
    link = tmp_path / "copy.md"
    link.symlink_to(tmp_path / "elsewhere.md")
    done = _export(source, "-o", link, cwd=tmp_path)
    assert done.returncode == 2
    assert "does not exist" in done.stderr
    assert link.is_symlink() and not (tmp_path / "elsewhere.md").exists()
    forced = _export(source, "-o", link, "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert link.is_symlink() and (tmp_path / "elsewhere.md").exists()


def test_export_says_which_folders_it_created(tmp_path: Path) -> None:
    source = tmp_path / "s.score.toml"
    save(one(), source)
    done = _export(source, "-o", tmp_path / "out" / "copies" / "c.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"{tmp_path / 'out'}: folder created" in done.stderr
    assert f"{tmp_path / 'out' / 'copies'}: folder created" in done.stderr
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o700
