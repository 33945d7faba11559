"""Scene files already read, kept while they are unchanged on disk.

Reading a production's scenes is almost all TOML parsing (a 60-scene, 6,000-beat
production: about 4 s of its 4.5 s on a loaded 2-core machine). The start screen
reads them all; the re-check after a cast change needs them again. A layer is
reused only while its file's size, modification and change times (ns) and inode
are the same, so an edited file is always read again. Worker threads share it: a
plain dict under a lock, bounded so a huge folder cannot hold everything.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path

from notation.production import load_layer
from notation.production.model import SceneLayer

LIMIT = 512
"""At most this many scene files are kept."""

_Key = tuple[int, int, int, int]
_kept: OrderedDict[str, tuple[_Key, SceneLayer]] = OrderedDict()
_lock = threading.Lock()


def _key(path: Path) -> _Key | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def cached_layer(path: Path) -> SceneLayer:
    """The scene file at ``path`` as a layer, read again if it changed. Raises ``LoadError``."""
    name = os.path.realpath(path)
    key = _key(path)
    with _lock:
        found = _kept.get(name)
        if found is not None and key is not None and found[0] == key:
            _kept.move_to_end(name)
            return found[1]
    layer = load_layer(path)
    if key is not None and _key(path) == key:
        # Kept only if the file did not change while it was read.
        with _lock:
            _kept[name] = (key, layer)
            _kept.move_to_end(name)
            while len(_kept) > LIMIT:
                _kept.popitem(last=False)
    return layer


def belongs(path: Path, production_path: Path) -> bool:
    """Whether the scene at ``path`` is of this production (not of one in a folder below)."""
    from notation.production import find_production

    found = find_production(path)
    return found is not None and os.path.realpath(found) == os.path.realpath(production_path)


def forget() -> None:
    """Drop everything kept (tests)."""
    with _lock:
        _kept.clear()
