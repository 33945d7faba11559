"""Saving is atomic and private: the old file or the new one, never half; mode 0600."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from factories import RIDER_ALL, barrier, beat, performer, score, touch

from notation import SaveError, dumps, load, save
from notation.private_write import write_private

PLANT = "PLANTED-51de-private"


def full_score() -> Any:
    people = (performer("ana", f"{PLANT} Ana", rider=RIDER_ALL), performer("ben", "Ben"))
    b = beat(touch(on="neck"), barriers=(barrier(),), private_notes=PLANT, notes="line\ntwo")
    return score(b, beat(), performers=people, private_notes=PLANT)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leftovers(folder: Path, keep: str) -> list[str]:
    # The schema a saved score's first line names sits beside it by design.
    return sorted(p.name for p in folder.iterdir() if p.name not in (keep, "score-1.schema.json"))


def test_a_new_file_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "new.score.toml"
    save(full_score(), path)
    assert mode(path) == 0o600
    assert load(path) == full_score()


def test_a_new_folder_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "private" / "scenes" / "new.score.toml"
    save(full_score(), path)
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700


def test_an_existing_open_file_becomes_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "shared.score.toml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o644)
    save(full_score(), path)
    assert mode(path) == 0o600


def test_saving_twice_gives_identical_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.score.toml", tmp_path / "b.score.toml"
    save(full_score(), first)
    save(full_score(), second)
    assert first.read_bytes() == second.read_bytes()
    save(load(first), first)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == dumps(full_score()).encode("utf-8")


def test_the_saved_file_is_utf8_with_a_final_newline(tmp_path: Path) -> None:
    path = tmp_path / "a.score.toml"
    save(score(title="Scène 3: the orchard 🍐"), path)
    data = path.read_bytes()
    assert "Scène 3: the orchard 🍐".encode() in data
    assert data.endswith(b"\n")


def _old_file(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "scene.score.toml"
    save(score(title="the old one"), path)
    return path, path.read_bytes()


def _disk_full(*_: Any, **__: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("step", ["replace", "fsync", "chmod"])
def test_a_failure_mid_save_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    path, before = _old_file(tmp_path)
    with monkeypatch.context() as patch, pytest.raises(SaveError) as caught:
        patch.setattr(os, step, _disk_full)
        save(full_score(), path)
    assert path.read_bytes() == before
    assert leftovers(tmp_path, path.name) == []
    assert PLANT not in str(caught.value)
    assert "unchanged" in str(caught.value)


class _HalfWriter:
    """A file handle that writes half of what it is given, then the disk fills."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def write(self, data: bytes) -> int:
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)


def test_a_write_that_fails_half_way_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, before = _old_file(tmp_path)
    real_fdopen = os.fdopen
    with monkeypatch.context() as patch, pytest.raises(SaveError):
        patch.setattr(os, "fdopen", lambda *a, **k: _HalfWriter(real_fdopen(*a, **k)))
        save(full_score(), path)
    assert path.read_bytes() == before
    assert leftovers(tmp_path, path.name) == []
    assert load(path).scene.title == "the old one"


def test_an_interrupt_mid_save_keeps_the_old_file_and_propagates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, before = _old_file(tmp_path)

    def interrupted(*_: Any) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch, pytest.raises(KeyboardInterrupt):
        patch.setattr(os, "replace", interrupted)
        save(full_score(), path)
    assert path.read_bytes() == before
    assert leftovers(tmp_path, path.name) == []


def test_a_folder_that_cannot_exist_is_a_save_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(SaveError):
        save(full_score(), blocker / "scene.score.toml")


@pytest.mark.parametrize("version", [2, 10])
def test_saving_over_a_newer_version_is_refused(tmp_path: Path, version: int) -> None:
    path = tmp_path / "future.score.toml"
    newer = f'format = "choreo-score"\nversion = {version}\n\n[scene]\ntitle = "from the future"\n'
    path.write_text(newer, encoding="utf-8")
    with pytest.raises(SaveError) as caught:
        save(full_score(), path)
    assert path.read_text(encoding="utf-8") == newer
    assert str(version) in str(caught.value) and "newer" in str(caught.value)
    assert leftovers(tmp_path, path.name) == []


def test_saving_over_the_same_version_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    path.write_text('#:schema x\nformat = "choreo-score"\nversion = 1\n', encoding="utf-8")
    save(full_score(), path)
    assert load(path) == full_score()


def test_a_note_mentioning_a_version_does_not_block_saving(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(score(notes="version 2 of the blocking\nversion = 3"), path)
    save(score(notes="changed"), path)
    assert load(path).scene.notes == "changed"


def test_write_private_writes_any_text_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "export.md"
    write_private(path, "hello\n")
    write_private(path, "hello again\n")
    assert path.read_text(encoding="utf-8") == "hello again\n"
    assert mode(path) == 0o600
    assert leftovers(tmp_path, path.name) == []


def test_a_name_with_a_nul_is_a_save_error(tmp_path: Path) -> None:
    with pytest.raises(SaveError):
        save(full_score(), tmp_path / "scene\x00.score.toml")
    with pytest.raises(SaveError):
        write_private(tmp_path / "notes\x00.md", "x")
    assert list(tmp_path.iterdir()) == []


def test_text_that_is_not_unicode_is_a_save_error(tmp_path: Path) -> None:
    path, before = _old_file(tmp_path)
    with pytest.raises(SaveError):
        save(score(notes="pasted \ud800 garbage"), path)
    assert path.read_bytes() == before
    assert leftovers(tmp_path, path.name) == []


def test_saving_over_a_folder_is_a_save_error(tmp_path: Path) -> None:
    folder = tmp_path / "scene.score.toml"
    folder.mkdir()
    (folder / "keep.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(SaveError):
        save(full_score(), folder)
    assert (folder / "keep.txt").read_text(encoding="utf-8") == "keep"
    assert leftovers(tmp_path, folder.name) == []


def test_a_newer_version_after_long_comments_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.score.toml"
    comments = "".join(f"# a long note about this production, line {n}\n" for n in range(300))
    newer = comments + 'format = "choreo-score"\nversion = 2\n\n[scene]\ntitle = "x"\n'
    path.write_text(newer, encoding="utf-8")
    assert len(comments) > 4096
    with pytest.raises(SaveError):
        save(full_score(), path)
    assert path.read_text(encoding="utf-8") == newer
