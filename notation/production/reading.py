"""Reading ``production.toml`` and the layer of a production score, with file and line.

The same machinery as ``notation.reading`` (TOML syntax errors with their line,
unknown keys with a did-you-mean and the valid keys, bad ids, duplicate ids on
the duplicate's own line), with the production's model as the root. Messages
never quote values from the file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from notation import collector, limits, parsing
from notation.lines import LineMap
from notation.model import FORMAT
from notation.production.model import PRODUCTION_FILE, PRODUCTION_FORMAT, Production, SceneLayer
from notation.reading import (
    LoadError,
    Problem,
    _check_header,
    _check_unique_ids,
    _refuse_excess,
    _syntax_problem,
    check_version,
    decoded,
    read_bytes,
)
from notation.validation_words import _problems

Root = TypeVar("Root", Production, SceneLayer)

_DEEP = "values are nested too deeply; a production file nests a few levels at most"


def _parse(text: str, path: str) -> tuple[dict[str, Any], LineMap]:
    # The same sane limits as a score's: production files are as untrusted.
    _refuse_excess(limits.before_parsing(text), path)
    try:
        data = parsing.parse(text)
    except parsing.DecodeErrors as error:
        raise LoadError(path, [_syntax_problem(str(error), text)]) from None
    except RecursionError:
        raise LoadError(path, [Problem(_DEEP)]) from None
    _refuse_excess(limits.after_parsing(data), path)
    return data, LineMap(text)


def _validate(root: type[Root], data: dict[str, Any], path: str, lines: LineMap) -> Root:
    _check_unique_ids(data, path, lines)
    try:
        value = root.model_validate(data)
    except ValidationError as error:
        raise LoadError(path, _problems(error, lines, root)) from None
    except RecursionError:
        raise LoadError(path, [Problem(_DEEP)]) from None
    result: Root = value.with_lines(lines)
    return result


def _check_production_header(data: dict[str, Any], path: str, lines: LineMap) -> None:
    line = lines.get(("format",))
    if not data:
        raise LoadError(
            path,
            [
                Problem(
                    f'the file is empty; a production begins with format = "{PRODUCTION_FORMAT}" '
                    "and version = 1"
                )
            ],
        )
    if data.get("format") == FORMAT:
        raise LoadError(
            path,
            [
                Problem(
                    f"this is a scene score, not a production; {PRODUCTION_FILE} begins with "
                    f'format = "{PRODUCTION_FORMAT}"',
                    line,
                )
            ],
        )
    if data.get("format") != PRODUCTION_FORMAT:
        what = "has no `format` key" if "format" not in data else "has the wrong `format`"
        raise LoadError(
            path,
            [
                Problem(
                    f'not a Choreo production: it {what}; expected format = "{PRODUCTION_FORMAT}"',
                    line,
                )
            ],
        )
    check_version(data, path, lines, "production")


def loads_production(text: str, path: str = PRODUCTION_FILE) -> Production:
    """Read a production from TOML text. Raises ``LoadError`` naming file and lines."""
    text = text.removeprefix("\ufeff")
    # As for a score: the many new objects are none of them garbage (notation.collector).
    with collector.paused():
        data, lines = _parse(text, path)
        _check_production_header(data, path, lines)
        return _validate(Production, data, path, lines)


def load_production(path: str | Path) -> Production:
    """Read ``production.toml``. Raises ``LoadError`` (never anything else) if it cannot."""
    name = str(path)
    return loads_production(decoded(read_bytes(path, "production file"), name), name)


def loads_layer(text: str, path: str = "<score>") -> SceneLayer:
    """Read a production score's own layer (partial performers allowed) from TOML text."""
    text = text.removeprefix("\ufeff")
    with collector.paused():
        data, lines = _parse(text, path)
        _check_header(data, path, lines)
        return _validate(SceneLayer, data, path, lines)


def load_layer(path: str | Path) -> SceneLayer:
    """Read a production score's own layer from its file. Raises ``LoadError``."""
    name = str(path)
    return loads_layer(decoded(read_bytes(path, "score file"), name), name)


def find_production(score_path: str | Path) -> Path | None:
    """The nearest ``production.toml`` in the score's folder or a folder above, or None.

    The path comes back in the form the score's was given (relative stays
    relative: ``scenes/ep1/x.score.toml`` -> ``scenes/production.toml``), so
    messages stay short and one production is always named the same way. A
    ``production.toml`` that is not a regular file (a folder of that name) is not one.
    """
    given = Path(score_path).parent
    levels = len(given.absolute().parents) + 1
    for up in range(levels):
        folder = Path(os.path.normpath(os.path.join(given, *([os.pardir] * up)) or "."))
        found = folder / PRODUCTION_FILE
        try:
            if found.is_file():
                return found
        except OSError:
            continue
    return None
