"""The `nianbao` command line. Heavy modules are imported inside each command, so
`nianbao check` starts fast and never loads the TUI."""

from __future__ import annotations

import argparse
import sys

from . import __version__
from .check_cmd import EXIT_INTERRUPTED, discard_stdout


def _parse_command(args: argparse.Namespace) -> int:
    from .dump import to_json, tree
    from .ingest import IngestError, read_source
    from .parse import parse

    try:
        source = read_source(args.file)
    except IngestError as e:
        print(f"{args.file}: {e.render(args.lang)}", file=sys.stderr)
        return 2
    report = parse(source)
    sys.stdout.write(to_json(report, args.lang) if args.format == "json" else tree(report, args.lang))
    return 0


class _Parser(argparse.ArgumentParser):
    """argparse, naming the closest option when one is mistyped (`check --fromat`:
    did you mean --format?), in the usage of the subcommand it was given to."""

    def parse_args(self, args=None, namespace=None):  # type: ignore[override]
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            parser = self
            while True:   # down to the subcommand (and its subcommand) that was chosen
                chosen = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)
                          and getattr(parsed, a.dest, None) in a.choices]
                if not chosen:
                    break
                parser = chosen[0].choices[getattr(parsed, chosen[0].dest)]
            import difflib

            options = [o for a in parser._actions for o in a.option_strings]
            hints = []
            for extra in extras:
                close = difflib.get_close_matches(extra.split("=", 1)[0], options, n=1, cutoff=0.6) \
                    if extra.startswith("-") else []
                hints.append(f"{extra} (did you mean {close[0]}?)" if close else extra)
            parser.error(f"unrecognized arguments: {' '.join(hints)}")
        return parsed


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="nianbao",
        description="政府信息公开工作年度报告合规检查 / compliance checker for government "
                    "information-disclosure annual reports")
    parser.add_argument("--version", action="version", version=f"nianbao {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="show the structure the parser finds in a report")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=("tree", "json"), default="tree")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.set_defaults(run=_parse_command)

    from . import check_cmd, rules_cmd

    check_cmd.add_parser(sub)
    rules_cmd.add_parser(sub)

    p = sub.add_parser("tui", help="review reports in the terminal, violations beside the source")
    p.add_argument("path", metavar="PATH", help="a report file, or a folder of reports")
    p.add_argument("--rules", action="append", default=[], metavar="DIR",
                   help="a further folder of rule files (repeatable; watched for changes)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.set_defaults(run=_tui_command)
    return parser


def _tui_command(args: argparse.Namespace) -> int:
    try:
        from .tui.app import run
    except ImportError as e:
        print(f"nianbao tui needs Textual, which installs with nianbao: pip install nianbao ({e})", file=sys.stderr)
        return 2
    return run(args)


def main(argv: list[str] | None = None) -> int:
    """Run a command. Whatever happens ends in one line and an exit status a script can
    trust: 1 is only ever "violations found"; an error nianbao did not foresee is 2
    (never a traceback), Ctrl-C 130."""
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        return args.run(args)
    except BrokenPipeError:  # `nianbao … | head`
        discard_stdout()
        return 0
    except KeyboardInterrupt:
        print("nianbao: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as e:
        print(f"nianbao: internal error: {type(e).__name__}: {e}; please report this to nianbao's maintainers",
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
