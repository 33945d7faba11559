"""Agreement digests: what performers agreed, fingerprinted so that a change shows.

The digest covers everything in a beat except ``title``, ``notes``,
``private_notes`` and ``agreed`` itself. It is computed from the validated model,
never from the file's text, so reformatting, reordering keys or comments cannot
change it; fields at their defaults are left out, so a later format field with a
default does not lapse every agreement.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any

from notation.model import Agreed, Beat

UNDIGESTED = frozenset({"title", "notes", "private_notes", "agreed"})


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
"""What json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
builds on every call; made once, it gives the same text."""


def _c_encoder() -> Callable[[Any, int], Any] | None:
    try:
        return c_make_encoder(  # type: ignore[no-any-return]
            None, _CANONICAL.default, encode_basestring, None, ":", ",", True, False, True
        )
    except TypeError:  # no C encoder (None), or one that takes other arguments
        return None


_ENCODE = _c_encoder()
"""The C encoder that ``_CANONICAL.encode`` makes anew on every call (with the same
key and item separators, sorted keys, non-ASCII kept, NaN allowed), made once and
without the check for circular containers, which a dump of a beat never has. A
first check of a draft digests 2,000 agreed beats. None where json has no C
encoder: ``_CANONICAL`` is used instead."""

_UNDIGESTED_SET = set(UNDIGESTED)

_KEPT = "_agreement_digest"
"""Where a beat keeps its digest once worked out, beside its fields (as a cached
property would): beats are immutable, and ``model_copy`` with changes drops it."""


def digest(beat: Beat) -> str:
    """The fingerprint of a beat's choreography, as written in ``[beats.agreed]``."""
    # The beat's __dict__ read once (each read of a pydantic model goes through its
    # __getattr__ hook).
    fields = beat.__dict__
    kept: str | None = fields.get(_KEPT)
    if kept is not None:
        return kept
    # model_dump's own work, without its wrapper: the same serializer and options.
    data = beat.__pydantic_serializer__.to_python(
        beat, mode="json", exclude=_UNDIGESTED_SET, exclude_defaults=True
    )
    blob = _CANONICAL.encode(data) if _ENCODE is None else "".join(_ENCODE(data, 0))
    kept = "sha256:" + hashlib.sha256(blob.encode("utf-8")).hexdigest()
    fields[_KEPT] = kept
    return kept


def is_current(beat: Beat) -> bool:
    """Whether the beat's recorded agreement still matches its choreography."""
    return beat.agreed is not None and beat.agreed.digest == digest(beat)


def has_agreed(beat: Beat, performer_id: str) -> bool:
    """Whether a performer agreed this beat as it stands now."""
    return is_current(beat) and beat.agreed is not None and performer_id in beat.agreed.by


def agree(beat: Beat, who: list[str] | tuple[str, ...], on: date) -> Beat:
    """The beat with ``who`` recorded as agreeing it on ``on``, with a fresh digest.

    Performers who agreed the same choreography before keep their agreement;
    if the beat changed since, only ``who`` count.
    """
    earlier: tuple[str, ...] = ()
    if beat.agreed is not None and is_current(beat):
        earlier = beat.agreed.by
    names = tuple(dict.fromkeys((*earlier, *who)))
    return beat.model_copy(update={"agreed": Agreed(by=names, on=on, digest=digest(beat))})
