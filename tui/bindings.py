"""Key bindings, written once as data: the screens' BINDINGS (in the app's language),
the help screen and the command palette are all made from these tables."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from .i18n import tr


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
