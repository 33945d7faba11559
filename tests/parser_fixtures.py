"""Run a test module under every TOML parser Choreo can read with.

``notation.parsing`` reads with tomli's compiled wheel and falls back to the
standard library's tomllib where there is none. A module that does::

    from parser_fixtures import every_parser  # noqa: F401
    pytestmark = pytest.mark.usefixtures("every_parser")

runs each of its tests once per parser, so both must give the same scores and
the same load errors. Module-scoped, so hypothesis tests may use it too.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from notation import parsing


@pytest.fixture(scope="module", params=["tomli", "tomllib"])
def every_parser(request: pytest.FixtureRequest) -> Iterator[str]:
    """The parser in use for this run of the module's tests."""
    name: str = request.param
    if name not in parsing.PARSERS:
        pytest.skip(f"{name} is not installed here")
    before = parsing.use(name)
    try:
        yield name
    finally:
        parsing.use(before)
