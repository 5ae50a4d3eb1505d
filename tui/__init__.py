"""The Textual app of `nianbao tui` (tui/app.py). Nothing outside this package imports Textual."""
