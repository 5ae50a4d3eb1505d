"""Key bindings, written once as data: the screens' BINDINGS (in the app's language),
the help screen and the command palette are all made from these tables."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from .i18n import tr

PALETTE_ROOM = 14   # the command palette's key at the right of the footer


@dataclass(frozen=True, slots=True)
class Key:
    key: str                  # Textual key name(s), comma-separated
    action: str
    label: str                # i18n key of the footer / help description
    show: bool = True         # in the footer
    display: str | None = None
    command: str | None = None  # i18n key of the command palette title (None: not in the palette)
    help: str | None = None     # i18n key of a longer description for the help screen


def make_bindings(keys: list[Key], lang: str) -> list[Binding]:
    return [Binding(k.key, k.action, tr(k.label, lang), show=k.show, key_display=k.display) for k in keys]


_LOCALIZED: dict[tuple[type, str], type] = {}


def localized(cls: type, lang: str) -> type:
    """The class with its footer descriptions in `lang` (the class itself is Chinese)."""
    if lang == "zh":
        return cls
    key = (cls, lang)
    if key not in _LOCALIZED:
        _LOCALIZED[key] = type(cls.__name__, (cls,), {"BINDINGS": make_bindings(cls.KEYS, lang),
                                                      "__module__": cls.__module__})
    return _LOCALIZED[key]


def key_text(k: Key) -> str:
    if k.display:
        return k.display
    names = {"slash": "/", "question_mark": "?", "exclamation_mark": "!", "escape": "Esc", "enter": "Enter"}
    return " ".join(names.get(part, part) for part in k.key.split(","))


def action_callback(screen, action: str):
    """A command-palette callback that runs a screen's action (as its key would)."""
    async def run() -> None:
        await screen.run_action(action)
    return run


class NianbaoFooter(Footer):
    """The footer, fitted to the width: when the keys the screen shows do not fit on
    one line, those the screen names in FOOTER_DROP are left out first, in that order
    (they stay in `?` help and the command palette), so that the keys that matter —
    help and quit among them — are never cut off at the right edge."""

    def compose(self) -> ComposeResult:
        drop = self._dropped()
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.action in drop:
                continue
            yield widget

    def _dropped(self) -> set[str]:
        screen = self.screen
        order = list(getattr(screen, "FOOTER_DROP", ()))
        shown = [(binding.action, cell_len(self.app.get_key_display(binding)) + cell_len(binding.description) + 2)
                 for _, binding, _, _ in screen.active_bindings.values() if binding.show]
        seen: dict[str, int] = {}
        for action, width in shown:
            seen.setdefault(action, width)
        room = (self.size.width or self.app.size.width) - PALETTE_ROOM
        dropped: set[str] = set()
        while sum(w for a, w in seen.items() if a not in dropped) > room and order:
            dropped.add(order.pop(0))
        return dropped

    def on_resize(self, event) -> None:
        if getattr(self, "_fitted_width", None) != event.size.width:
            self._fitted_width = event.size.width
            self.refresh(recompose=True)
