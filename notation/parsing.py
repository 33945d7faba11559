"""The TOML parser scores are read with: ``tomli``'s compiled wheel, else ``tomllib``.

``tomllib`` is ``tomli`` taken into the standard library in pure Python; the
``tomli`` project ships compiled (mypyc) wheels with the same grammar and the
same error messages that parse a big score about three times faster. Where no
wheel exists (or ``tomli`` is not installed) Choreo falls back to ``tomllib``,
and the tests run under both (``use``), so both give the same scores and the
same load errors. ``CHOREO_TOML_PARSER=tomllib`` in the environment forces the
fallback, for ``benchmarks/compare.py`` and for anyone chasing a difference.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from typing import Any

_Parse = Callable[[str], dict[str, Any]]

PARSERS: dict[str, tuple[_Parse, type[ValueError]]] = {
    "tomllib": (tomllib.loads, tomllib.TOMLDecodeError),
}
"""Each parser Choreo can read with: its ``loads`` and the error it raises."""

try:
    import tomli
except ImportError:  # pragma: no cover - the fallback is tested through use()
    pass
else:
    PARSERS["tomli"] = (tomli.loads, tomli.TOMLDecodeError)

DecodeErrors: tuple[type[ValueError], ...] = tuple(error for _, error in PARSERS.values())
"""Every parser's syntax error class: catching these catches whichever is in use."""


def _default() -> str:
    wanted = os.environ.get("CHOREO_TOML_PARSER", "")
    if wanted in PARSERS:
        return wanted
    return "tomli" if "tomli" in PARSERS else "tomllib"


_current = _default()


def current() -> str:
    """The name of the parser in use: ``"tomli"`` or ``"tomllib"``."""
    return _current


def use(name: str) -> str:
    """Read with parser ``name`` from now on; returns the one used before.

    Raises ``KeyError`` for a parser that is not available here.
    """
    global _current
    if name not in PARSERS:
        raise KeyError(name)
    before, _current = _current, name
    return before


def parse(text: str) -> dict[str, Any]:
    """The TOML document ``text`` as plain values, by the parser in use.

    Raises one of ``DecodeErrors`` (with the same message under either parser)
    or ``RecursionError`` for values nested too deeply.
    """
    return PARSERS[_current][0](text)
