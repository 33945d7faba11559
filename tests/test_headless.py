"""``notation`` is the headless core: importing it must never import Textual."""

from __future__ import annotations

import subprocess
import sys


def test_notation_never_imports_textual() -> None:
    code = (
        "import sys, notation, notation.checks, notation.describe, notation.agreement\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_check_command_never_imports_textual() -> None:
    code = (
        "import sys\n"
        "from choreo_tui.cli import build_parser\n"
        "import choreo_tui.cli.check, choreo_tui.cli.show, choreo_tui.cli.agree\n"
        "print(any(m.startswith('textual') for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
