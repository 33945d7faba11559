"""``python -m choreo_tui`` runs the ``choreo`` command."""

from choreo_tui.cli import main

raise SystemExit(main())
