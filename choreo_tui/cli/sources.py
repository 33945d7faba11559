"""For ``choreo show`` of a production scene: where each performer value comes from.

A production scene's performers are the cast's records with this scene's
overrides layered over. The coordinator must be able to tell which is which
before changing anything: a cast change reaches every scene, a scene override
only this one.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from notation.production import ProductionScene
from notation.terminal import safe_line

_LABELS = {
    "name": "name",
    "character": "character",
    "minor": "minor",
    "guardian": "guardian",
    "private_notes": "private notes",
    "rider": "rider",
    "garments": "garments",
}


def _words(keys: list[str]) -> str:
    """``name, character; boundaries: default, neck; rider`` for a list of source keys."""
    plain = [_LABELS[k] for k in keys if k in _LABELS]
    groups: dict[str, list[str]] = {}
    for key in keys:
        if key in _LABELS:
            continue
        table, _, rest = key.partition(".")
        words = "boundaries" if table == "boundaries" else "will touch"
        groups.setdefault(words, []).append(rest.removeprefix("areas."))
    parts = [", ".join(plain)] if plain else []
    parts += [f"{words}: {', '.join(items)}" for words, items in groups.items()]
    return "; ".join(parts)


def sources_table(scene: ProductionScene) -> Table:
    """Per performer, which values come from the production's cast and which from this scene."""
    table = Table(
        title=f"Where each value comes from (cast: {safe_line(scene.production_path)})",
        title_justify="left",
        expand=True,
    )
    table.add_column("performer")
    table.add_column("from the cast")
    table.add_column("set in this scene")
    cast = scene.production.by_id
    for performer in scene.score.performers:
        found = scene.sources(performer.id)
        if performer.id not in cast:
            table.add_row(
                Text(safe_line(performer.name)),
                Text("— (not in the cast)"),
                Text("everything: a performer of this scene only"),
            )
            continue
        from_cast = [k for k, origin in found.items() if origin == "cast"]
        own = [k for k, origin in found.items() if origin == "scene"]
        table.add_row(
            Text(safe_line(performer.name)),
            Text(_words(from_cast) or "—"),
            Text(_words(own) or "— nothing"),
        )
    return table
