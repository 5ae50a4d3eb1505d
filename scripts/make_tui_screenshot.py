#!/usr/bin/env python3
"""docs/tui.svg, the README's picture of `nianbao tui`: seed 002 with the bundled rules at
160×48, its finding SEC-011 selected (the rule pane shows the rule and its YAML).

    .venv/bin/python scripts/make_tui_screenshot.py [OUT.svg]
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


async def screenshot(out: Path) -> None:
    from nianbao.tui.app import NianbaoApp, settle

    os.chdir(ROOT)   # paths in the title relative to the repository
    app = NianbaoApp("samples/real/002_b65cffdf1b4315e2.txt", poll_interval=None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        for _ in range(len(screen.listed)):
            if screen.current is not None and screen.current.rule == "SEC-011":
                break
            await pilot.press("n")
        await settle(pilot)
        out.write_text(app.export_screenshot(title="nianbao"), encoding="utf-8")


if __name__ == "__main__":
    asyncio.run(screenshot(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "tui.svg"))
