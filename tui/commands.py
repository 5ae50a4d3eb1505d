"""The command palette (ctrl+p): the actions of the screen it was opened from — the
same ones the keys give — plus filters by severity and family, sorting, and opening
a report by name."""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider


class NianbaoCommands(Provider):
    def _commands(self):
        screen = self.screen
        commands = getattr(screen, "palette_commands", None)
        return commands() if commands else []

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(title, callback, help=help_text or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text or None)
