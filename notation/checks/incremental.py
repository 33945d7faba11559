"""Live findings for an editor: re-check only what an edit can have changed.

``LiveFindings(score)`` checks a score once and then follows its edits. Each
edit method takes the score as it is *after* the edit and says what changed;
it re-checks only the beats that edit can affect and returns their 0-based
indices, so an editor can refresh just those rows::

    live = LiveFindings(score)
    score = score.replace(beats=...)           # the coordinator edits beat 12
    live.beat_edited(score, 12)                # re-checks beat 12 only
    live.beat_findings(12)                     # that beat's findings, ordered
    live.findings() == notation.check(score)   # always true

What a beat's findings depend on, and so what each edit re-checks:

- the beat itself (``beat_edited``; ``beats_inserted``/``removed``/``moved`` only
  renumber the others, since no rule looks at a beat's neighbours);
- the performers the beat names, through a ``Cast`` kept here and refreshed only
  for the performer who changed (``performer_changed``: their boundaries,
  will_touch, rider, garments, name, minor flag, or their arrival or removal);
- the scene's ``medium`` and ``closed_set`` (N203), only for beats with nudity
  or simulated sex (``scene_changed``);
- the placements in force for the performers in contact (T503), which carry
  forward from earlier beats: an edit that changes any beat's placements, or the
  order of beats with placements, re-checks every later beat whose performers in
  contact now stand elsewhere.

Scene-level rules (C402, C403, C405) are cheap and re-run whenever findings are
asked for after a change. Beat numbers and file lines are positions, not
content: they are filled in from the current score when findings are read.

``update(score)`` works out what changed by itself (beats by identity,
performers by identity or equality, the scene header by value) for callers that
do not know; it costs a pass over the beats but re-checks no more than needed.

The checker is pure: no Textual, no I/O.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from notation.blocking import areas_in_force_at, carry_areas
from notation.checks import check_beat, check_scene
from notation.checks.cast import Cast
from notation.checks.context import BeatContext, locator
from notation.findings import Finding, Severity, worst
from notation.model import Beat, Score


@dataclass(eq=False)
class _Entry:
    """One beat's findings, as checked, and what they depend on."""

    beat: Beat
    index: int
    findings: list[Finding]
    numbered: tuple[int, object]
    """(index, lines) the findings' beat numbers and lines were computed for."""
    ids: frozenset[str]
    touched: frozenset[str]
    exposed: bool
    """Nudity or simulated sex: the beat's findings depend on the scene's set rules."""
    in_contact: frozenset[str]
    blocking: tuple[tuple[str, str], ...]
    """Where the performers in contact stood (placements in force) when checked."""


def _blocking_key(
    score: Score, index: int, in_contact: frozenset[str]
) -> tuple[tuple[str, str], ...]:
    """What T503 reads of the placements in force: where each performer in contact stands."""
    if not in_contact:
        return ()
    where = areas_in_force_at(score, index)
    return tuple(sorted((who, area) for who in in_contact for area in where.get(who, ())))


def _lines_token(score: Score) -> object:
    # The identity of the score's line map: findings numbered under one map stay
    # right as long as the score still carries that same map.
    return score._lines


class LiveFindings:
    """A score's findings, kept current edit by edit; equal to ``check(score)`` at all times.

    ``cast`` is the resolved ``Cast`` of the current score; ``score`` is the
    score of the last edit reported.
    """

    def __init__(self, score: Score) -> None:
        self._score = score
        self.cast = Cast(score)
        self._naming: dict[str, set[_Entry]] = {}
        self._touched: Counter[str] = Counter()
        self._scene: list[Finding] | None = None
        self._all: list[Finding] | None = None
        self._entries: list[_Entry] = []
        self._rebuild(score)

    @property
    def score(self) -> Score:
        """The score as of the last edit reported."""
        return self._score

    # ----- reading -------------------------------------------------------------------

    def findings(self) -> list[Finding]:
        """Every finding, ordered exactly as ``notation.check`` orders them."""
        if self._all is None:
            found = list(self.scene_findings())
            for index in range(len(self._entries)):
                found += self._numbered(index)
            self._all = found
        return list(self._all)

    def beat_findings(self, index: int) -> list[Finding]:
        """The findings of the beat at 0-based ``index``, as ``check_beat`` gives them."""
        return list(self._numbered(index))

    def scene_findings(self) -> list[Finding]:
        """The scene-level findings (C402, C403, C405), as ``check_scene`` gives them."""
        if self._scene is None:
            touched = {pid for pid, beats in self._touched.items() if beats}
            self._scene = check_scene(self._score, touched)
        return list(self._scene)

    def worst_by_beat(self) -> list[Severity | None]:
        """For each beat, its most severe finding's severity, or None when it has none."""
        return [worst(entry.findings) for entry in self._entries]

    # ----- edits ---------------------------------------------------------------------

    def beat_edited(self, score: Score, index: int) -> list[int]:
        """Beat ``index`` was replaced or changed in place; re-check it alone."""
        if len(self._entries) != len(score.beats):
            return self._rebuild(score)
        self._moved_to(score)
        moved = self._entries[index].beat.placements != score.beats[index].placements
        self._replace(index)
        return [index] + (self._reblock(index + 1) if moved else [])

    def beats_inserted(self, score: Score, index: int, count: int = 1) -> list[int]:
        """``count`` new beats now sit at ``index``..; check them, renumber the rest."""
        if len(self._entries) + count != len(score.beats):
            return self._rebuild(score)
        self._moved_to(score)
        self._entries[index:index] = [self._checked(i) for i in range(index, index + count)]
        for entry in self._entries[index : index + count]:
            self._index(entry)
        self._renumber(index + count)
        placed = any(score.beats[i].placements for i in range(index, index + count))
        return list(range(index, index + count)) + (self._reblock(index + count) if placed else [])

    def beats_removed(self, score: Score, index: int, count: int = 1) -> list[int]:
        """The ``count`` beats that were at ``index``.. are gone; nothing is re-checked."""
        if len(self._entries) - count != len(score.beats):
            return self._rebuild(score)
        self._moved_to(score)
        gone = self._entries[index : index + count]
        for entry in gone:
            self._unindex(entry)
        del self._entries[index : index + count]
        self._renumber(index)
        placed = any(entry.beat.placements for entry in gone)
        return self._reblock(index) if placed else []

    def beat_moved(self, score: Score, source: int, target: int) -> list[int]:
        """The beat at ``source`` now sits at ``target``; only the numbers change."""
        if len(self._entries) != len(score.beats):
            return self._rebuild(score)
        self._moved_to(score)
        entry = self._entries.pop(source)
        self._entries.insert(target, entry)
        self._renumber(min(source, target))
        stale: list[int] = []
        if entry.beat is not score.beats[target]:
            # The caller changed the beat while moving it.
            self._replace(target)
            stale.append(target)
        # The moved beat now inherits other placements, and takes its own along.
        stale += [i for i in self._reblock(min(source, target)) if i not in stale]
        return sorted(stale)

    def performer_changed(self, score: Score, performer_id: str) -> list[int]:
        """A performer was edited, added or removed (by id): re-check the beats naming them.

        Covers boundaries, will_touch, rider, garments, name, minor and guardian.
        An id change is the old id removed and the new one added: report both.
        """
        if len(self._entries) != len(score.beats):
            return self._rebuild(score)
        self._moved_to(score)
        performer = score.by_id.get(performer_id)
        if performer is None:
            self.cast.views.pop(performer_id, None)
        else:
            self.cast.refresh(performer)
        stale = sorted(e.index for e in self._naming.get(performer_id, ()))
        for index in stale:
            self._recheck(index)
        return stale

    def scene_changed(self, score: Score) -> list[int]:
        """The scene header changed; re-check beats whose findings depend on the set rules."""
        old = self._score.scene
        if len(self._entries) != len(score.beats):
            return self._rebuild(score)
        self._moved_to(score)
        new = score.scene
        if (old.medium, old.closed_set) == (new.medium, new.closed_set):
            return []
        stale = [e.index for e in self._entries if e.exposed]
        for index in stale:
            self._recheck(index)
        return stale

    def update(self, score: Score) -> list[int]:
        """Any edit at all: find what changed and re-check only that.

        Beats are matched by identity (an unchanged beat is the same object in
        the new score, as ``model_copy`` and ``Score.replace`` keep it), so a
        changed, new or duplicated-and-edited beat is re-checked and the others
        are renumbered.
        """
        old = self._score
        self._moved_to(score)
        changed = _changed_performers(old.by_id, score.by_id)
        for pid in changed:
            performer = score.by_id.get(pid)
            if performer is None:
                self.cast.views.pop(pid, None)
            else:
                self.cast.refresh(performer)
        scene_stale = (old.scene.medium, old.scene.closed_set) != (
            score.scene.medium,
            score.scene.closed_set,
        )
        pool: dict[int, list[_Entry]] = {}
        for entry in self._entries:
            pool.setdefault(id(entry.beat), []).append(entry)
        kept: list[_Entry | None] = []
        for beat in score.beats:
            bucket = pool.get(id(beat))
            kept.append(bucket.pop() if bucket else None)
        for bucket in pool.values():
            for entry in bucket:
                self._unindex(entry)
        self._entries = []
        stale: list[int] = []
        shifted = False
        for index, found in enumerate(kept):
            if found is None:
                entry = self._checked(index)
                self._index(entry)
                stale.append(index)
            else:
                entry = found
                # The same beat object may stand twice; matched by identity, an entry
                # can land where other placements are in force than where it was checked.
                shifted = shifted or entry.index != index
                entry.index = index
                if (scene_stale and entry.exposed) or not changed.isdisjoint(entry.ids):
                    stale.append(index)
                    self._entries.append(entry)
                    self._recheck(index)
                    continue
            self._entries.append(entry)
        if shifted or [b.placements for b in old.beats] != [b.placements for b in score.beats]:
            stale = sorted(set(stale) | set(self._reblock(0)))
        return stale

    # ----- inside --------------------------------------------------------------------

    def _rebuild(self, score: Score) -> list[int]:
        """Check everything again: the edit reported does not match the score's beats,
        and stale findings must never be shown as current."""
        self._moved_to(score)
        self.cast = Cast(score)
        self._naming = {}
        self._touched = Counter()
        self._entries = [self._checked(i) for i in range(len(score.beats))]
        for entry in self._entries:
            self._index(entry)
        return list(range(len(score.beats)))

    def _moved_to(self, score: Score) -> None:
        carry_areas(self._score, score)
        self._score = score
        self._scene = None
        self._all = None

    def _checked(self, index: int) -> _Entry:
        """A fresh entry for the current score's beat at ``index``."""
        score = self._score
        beat = score.beats[index]
        ctx = BeatContext(score, self.cast, index, beat)
        in_contact = frozenset(who for t in beat.touches if t.by != t.to for who in (t.by, t.to))
        return _Entry(
            beat=beat,
            index=index,
            findings=check_beat(score, index, self.cast),
            numbered=(index, _lines_token(score)),
            ids=frozenset(beat.ids()),
            touched=frozenset(t.to for t in beat.touches if t.by != t.to),
            exposed=ctx.has_nudity or ctx.is_sexual,
            in_contact=in_contact,
            blocking=_blocking_key(score, index, in_contact),
        )

    def _reblock(self, start: int) -> list[int]:
        """Re-check the beats from ``start`` whose performers in contact now stand
        elsewhere, because placements carried forward into them changed."""
        stale: list[int] = []
        for index in range(start, len(self._entries)):
            entry = self._entries[index]
            if not entry.in_contact:
                continue
            if _blocking_key(self._score, index, entry.in_contact) != entry.blocking:
                self._recheck(index)
                stale.append(index)
        return stale

    def _replace(self, index: int) -> None:
        self._unindex(self._entries[index])
        entry = self._checked(index)
        self._entries[index] = entry
        self._index(entry)

    def _recheck(self, index: int) -> None:
        # Same beat, new context: its ids and touches are unchanged, so the index stays.
        entry = self._entries[index]
        entry.findings = check_beat(self._score, index, self.cast)
        entry.numbered = (index, _lines_token(self._score))
        entry.blocking = _blocking_key(self._score, index, entry.in_contact)

    def _renumber(self, start: int) -> None:
        for index in range(start, len(self._entries)):
            self._entries[index].index = index

    def _index(self, entry: _Entry) -> None:
        for pid in entry.ids:
            self._naming.setdefault(pid, set()).add(entry)
        self._touched.update(entry.touched)

    def _unindex(self, entry: _Entry) -> None:
        for pid in entry.ids:
            self._naming[pid].discard(entry)
        self._touched.subtract(entry.touched)

    def _numbered(self, index: int) -> list[Finding]:
        """Beat ``index``'s findings with the beat number and lines of the current score."""
        entry = self._entries[index]
        token = _lines_token(self._score)
        if entry.numbered == (index, token) or not entry.findings:
            return entry.findings
        # Same lines as BeatContext.finding gives: the touch's table, else the beat's.
        score = self._score
        entry.findings = [
            f.renumbered(index + 1, locator(score, index, f.touch)) for f in entry.findings
        ]
        entry.numbered = (index, token)
        return entry.findings


def _changed_performers(old: Mapping[str, object], new: Mapping[str, object]) -> frozenset[str]:
    """Ids whose performer was added, removed or changed between two scores."""
    return frozenset(
        pid
        for pid in old.keys() | new.keys()
        if old.get(pid) is not new.get(pid) and old.get(pid) != new.get(pid)
    )
