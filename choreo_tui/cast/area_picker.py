"""The area picker: the body-area tree with each area's resolved status and its source.

One widget serves a performer's boundaries and their will_touch; only the table
and its default differ. Each row reads like "neck  ✗ no · set here" so the mark
and the word, not the colour, carry the status.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static, Tree
from textual.widgets.tree import TreeNode

from choreo_tui.cast.tables import (
    DEFAULT_STATUS,
    TableKind,
    clear,
    node_status,
    set_status,
    toggle_condition,
)
from notation.areas import ALIASES, TREE, Status, area_label, leaves_of
from notation.checks.cast import Resolved, resolve_table
from notation.model import Boundaries

STATUS_STYLE: dict[str, str] = {"yes": "green", "ask": "yellow", "no": "bold red"}
STATUS_COLUMN = 18
"""Where the status starts, counted from the tree's left edge, so the rows line up."""
BOTH_SIDES = "both sides"


# The footer shows each group's keys once, with one word, so the picker's keys fit 80 columns.
STATUS_KEYS = Binding.Group("yes/ask/no/clear")
CONDITION_KEYS = Binding.Group("conditions")


FILTER_HINT = "/ find an area · o over clothing · l light · m closed mouth · h hands only"
"""Shown in the empty filter box: where to type, and what the condition keys mean."""


class AreaTree(Tree[str]):
    """The body-area tree; its keys set the status and conditions of the selected area."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "slash",
            "find",
            "Find",
            id="cast.area.find",
            tooltip="Find an area: type part of its name, enter goes back to the tree",
        ),
        Binding(
            "y",
            "set('yes')",
            "Yes",
            id="cast.area.yes",
            tooltip="Set the selected area to yes (welcome), keeping its conditions",
            group=STATUS_KEYS,
        ),
        Binding(
            "a",
            "set('ask')",
            "Ask",
            id="cast.area.ask",
            tooltip="Set the selected area to ask (ask first), keeping its conditions",
            group=STATUS_KEYS,
        ),
        Binding(
            "n",
            "set('no')",
            "No",
            id="cast.area.no",
            tooltip="Set the selected area to no (never), keeping its conditions",
            group=STATUS_KEYS,
        ),
        Binding(
            "x",
            "clear",
            "Clear",
            id="cast.area.clear",
            tooltip="Clear the area's own entry: it follows its parent or the default",
            group=STATUS_KEYS,
        ),
        Binding(
            "o",
            "condition('over_clothing')",
            "Only over clothing",
            id="cast.area.over_clothing",
            tooltip="Switch the condition: only over clothing",
            group=CONDITION_KEYS,
        ),
        Binding(
            "l",
            "condition('light')",
            "Only with light pressure",
            id="cast.area.light",
            tooltip="Switch the condition: only with light pressure",
            group=CONDITION_KEYS,
        ),
        Binding(
            "m",
            "condition('closed_mouth')",
            "Only with a closed mouth",
            id="cast.area.closed_mouth",
            tooltip="Switch the condition: only with a closed mouth",
            group=CONDITION_KEYS,
        ),
        Binding(
            "h",
            "condition('hands_only')",
            "Only by hands",
            id="cast.area.hands_only",
            tooltip="Switch the condition: only by hands",
            group=CONDITION_KEYS,
        ),
    ]

    class Edit(Message):
        """The user asked to change the selected area."""

        def __init__(self, area: str, verb: str, value: str) -> None:
            super().__init__()
            self.area = area
            self.verb = verb
            self.value = value

    class Find(Message):
        """The user asked to type an area name."""

    def _area(self) -> str | None:
        node = self.cursor_node
        return node.data if node is not None else None

    def action_set(self, status: str) -> None:
        """Set the selected area to yes, ask or no."""
        if (area := self._area()) is not None:
            self.post_message(self.Edit(area, "set", status))

    def action_clear(self) -> None:
        """Remove the selected area's own rule, so it follows its parent or the default."""
        if (area := self._area()) is not None:
            self.post_message(self.Edit(area, "clear", ""))

    def action_condition(self, condition: str) -> None:
        """Switch a condition (over clothing, light, closed mouth, hands only) on the area."""
        if (area := self._area()) is not None:
            self.post_message(self.Edit(area, "condition", condition))

    def action_find(self) -> None:
        """Jump to the filter box to type an area name."""
        self.post_message(self.Find())


class AreaFilter(Input):
    """Type part of an area name to jump to it; enter or escape goes back to the tree."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "back",
            "Back to the areas",
            id="cast.area.filter_back",
            tooltip="Leave the find box for the areas, keeping the area found",
        ),
        Binding(
            "down",
            "back",
            "Back to the areas",
            show=False,
            id="cast.area.filter_down",
            tooltip="Leave the find box for the areas, keeping the area found",
        ),
    ]

    class Back(Message):
        """Leave the filter box for the tree."""

    def action_back(self) -> None:
        """Return to the tree, keeping the area found."""
        self.post_message(self.Back())


def best_match(text: str, names: list[str]) -> str | None:
    """The area a typed fragment means: exact name, then prefix, then anywhere in name or label."""
    # A leading "/" is the find key typed once more out of habit.
    text = text.strip().lstrip("/").strip().lower().replace(" ", "_")
    if not text:
        return None
    if text in names:
        return text
    for test in (
        lambda n: n.startswith(text),
        lambda n: text in n,
        lambda n: text.replace("_", " ") in area_label(n),
    ):
        for name in names:
            if test(name):
                return name
    return None


def _path(node: TreeNode[str]) -> list[TreeNode[str]]:
    """The node and its ancestors up to the hidden root."""
    path = [node]
    while (parent := path[-1].parent) is not None:
        path.append(parent)
    return path


class AreaPicker(Vertical):
    """Body-area tree, filter and detail line, editing one boundaries or will_touch table."""

    DEFAULT_CSS = """
    AreaPicker { height: 1fr; }
    AreaPicker AreaTree { height: 1fr; }
    AreaPicker #detail { height: 1; padding: 0 1; }
    """

    class Changed(Message):
        """The table changed; ``table`` is the new one (None: still absent)."""

        def __init__(self, picker: AreaPicker, table: Boundaries | None) -> None:
            super().__init__()
            self.picker = picker
            self.table = table

        @property
        def control(self) -> AreaPicker:
            """The picker that changed."""
            return self.picker

    def __init__(self, table: Boundaries | None, kind: TableKind, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.table = table
        self.kind: TableKind = kind
        self._area_nodes: dict[str, TreeNode[str]] = {}

    def compose(self) -> ComposeResult:
        """Filter box, tree, and one line describing the selected area."""
        yield AreaFilter(placeholder=FILTER_HINT, compact=True)
        tree = AreaTree("areas")
        tree.show_root = False
        tree.guide_depth = 2
        tree.auto_expand = False
        self._grow(tree.root, "body")
        both = tree.root.add(BOTH_SIDES, data=None, expand=True)
        for alias in ALIASES:
            self._area_nodes[alias] = both.add_leaf(alias, data=alias)
        yield tree
        yield Static("", id="detail", markup=False)

    def _grow(self, parent: TreeNode[str], area: str) -> None:
        if area in TREE:
            node = parent.add(area, data=area, expand=True)
            for child in TREE[area]:
                self._grow(node, child)
        else:
            node = parent.add_leaf(area, data=area)
        self._area_nodes[area] = node

    def on_mount(self) -> None:
        """Show every area's status once the tree exists."""
        self._relabel()
        self.query_one(AreaTree).move_cursor(self._area_nodes["body"])

    @property
    def area_tree(self) -> AreaTree:
        """The area tree (for focus and tests)."""
        return self.query_one(AreaTree)

    @property
    def selected(self) -> str | None:
        """The area under the cursor."""
        node = self.area_tree.cursor_node
        return node.data if node is not None else None

    def label_of(self, area: str, resolved: dict[str, Resolved] | None = None) -> Text:
        """A row of the tree: the area name, then mark, word, source and conditions."""
        view = node_status(self.table, self.kind, area, resolved)
        node = self._area_nodes.get(area)
        depth = 0 if node is None else len(_path(node)) - 2
        indent = 2 * depth + (2 if node is not None and node.allow_expand else 0)
        label = Text(area.ljust(max(STATUS_COLUMN - indent, len(area) + 1)))
        label.append(" ")
        label.append(view.words(), style=STATUS_STYLE[view.status])
        return label

    def _relabel(self) -> None:
        resolved = resolve_table(self.table, DEFAULT_STATUS[self.kind])
        for area, node in self._area_nodes.items():
            node.set_label(self.label_of(area, resolved))
        self._describe()

    def _describe(self) -> None:
        area = self.selected
        detail = self.query_one("#detail", Static)
        if area is None:
            detail.update("both sides: the unsided names stand for left and right together")
            return
        view = node_status(self.table, self.kind, area)
        leaves = len(leaves_of(area))
        extent = "" if leaves == 1 else f" ({leaves} areas)"
        detail.update(f"{area_label(area)}{extent}: {view.words()}")

    def set_table(self, table: Boundaries | None) -> None:
        """Show another table (for example after the default changed in the form)."""
        self.table = table
        self._relabel()

    @on(Tree.NodeHighlighted)
    def _highlighted(self) -> None:
        self._describe()

    @on(AreaTree.Edit)
    def _edit(self, event: AreaTree.Edit) -> None:
        event.stop()
        if event.verb == "set":
            status: Status = event.value  # type: ignore[assignment]
            self.table = set_status(self.table, self.kind, event.area, status)
        elif event.verb == "clear":
            self.table = clear(self.table, event.area)
        else:
            self.table = toggle_condition(self.table, self.kind, event.area, event.value)
        self._relabel()
        self.post_message(self.Changed(self, self.table))

    @on(AreaTree.Find)
    def _find(self, event: AreaTree.Find) -> None:
        event.stop()
        self.query_one(AreaFilter).focus()

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        event.stop()
        found = best_match(event.value, list(self._area_nodes))
        if found is not None:
            self.area_tree.move_cursor(self._area_nodes[found])
            self._describe()

    @on(Input.Submitted)
    @on(AreaFilter.Back)
    def _back(self, event: Message) -> None:
        event.stop()
        self.area_tree.focus()
