"""The user's keymap: other keys for any command, from a TOML file in their config folder.

    # ~/.config/choreo/keys.toml (the folder differs per OS: see `keymap_path`)
    [keys]
    add_beat = "A"
    next_problem = "j,f8"

Each key under ``[keys]`` is a binding id (the help screen lists them); each value
is a Textual key name, or several separated by commas. A bad file never stops the
app: what is valid is applied and the rest is reported in plain words.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from choreo_tui.commands import ALL_COMMANDS, COMMAND_IDS
from notation.areas import suggest

KEYMAP_FILE = "keys.toml"


def keymap_path() -> Path:
    """Where the user's keymap file lives (``keys.toml`` in Choreo's config folder)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("choreo")) / KEYMAP_FILE


@dataclass(frozen=True)
class UserKeymap:
    """The keymap read from a file: what to apply and what was wrong."""

    keys: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


def _valid_key(value: str) -> bool:
    parts = [part.strip() for part in value.split(",")]
    return all(part and " " not in part for part in parts)


def parse_keymap(text: str, where: str = KEYMAP_FILE) -> UserKeymap:
    """The keymap in ``text``; problems are reported, never raised."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return UserKeymap(problems=(f"{where}: not valid TOML ({error}); no keys were changed",))
    table = data.get("keys", {})
    if not isinstance(table, dict):
        return UserKeymap(problems=(f'{where}: [keys] must be a table of command = "key"',))
    keys: dict[str, str] = {}
    problems: list[str] = []
    unknown = sorted(set(data) - {"keys"})
    if unknown:
        problems.append(f"{where}: only a [keys] table is read; ignored: {', '.join(unknown)}")
    for command, value in table.items():
        # Ids with a dot ("cast.add") belong to other screens, which check their own.
        if command not in COMMAND_IDS and "." not in command:
            hint = suggest(command, COMMAND_IDS)
            tip = f"did you mean '{hint}'?" if hint else "the help screen (F1) lists the ids"
            problems.append(f"{where}: '{command}' is not a command; {tip}")
        elif not isinstance(value, str) or not _valid_key(value):
            problems.append(
                f'{where}: the key for \'{command}\' must be a string such as "ctrl+k" or "a,b"'
            )
        else:
            keys[command] = ",".join(part.strip() for part in value.split(","))
    return UserKeymap(keys, tuple(problems))


def read_keymap(path: Path | None = None) -> UserKeymap:
    """The user's keymap from ``path`` (default: the config folder); none is fine."""
    path = path or keymap_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return UserKeymap()
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        return UserKeymap(problems=(f"{path}: could not be read ({reason}); default keys used",))
    return parse_keymap(text, str(path))


def clashes(keys: dict[str, str]) -> list[str]:
    """What the user's keys take from other commands, in words (Textual stays silent).

    A key given to one command is taken from any command that had it by default and
    was not given other keys, which is left without that key.
    """
    found: list[str] = []
    for command in ALL_COMMANDS:
        if command.id() in keys:
            continue
        own = {key.strip() for key in command.KEY.split(",")}
        for other, value in keys.items():
            taken = own & {key.strip() for key in value.split(",")}
            for key in sorted(taken):
                found.append(
                    f"keymap: '{key}' now runs {other}, so {command.id()} lost it; "
                    f"give {command.id()} another key in the keymap file"
                )
    return found
