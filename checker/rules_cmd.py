"""`nianbao rules …`: list, show, lint, test and document the rules. Everything is
imported inside the commands: the CLI builds its argument parser from this module on
every start, `nianbao check` included."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path



def add_parser(sub) -> None:
    p = sub.add_parser("rules", help="list, show, lint, test and document the rules")
    rsub = p.add_subparsers(dest="rules_command", required=True, metavar="ACTION")

    def common(q):
        q.add_argument("--rules", action="append", default=[], metavar="DIR", type=Path,
                       help="a further folder of rule files (repeatable; overrides by id)")
        return q

    q = common(rsub.add_parser("list", help="a table of every rule"))
    q.add_argument("--select", action="append", default=[], metavar="ID")
    q.add_argument("--ignore", action="append", default=[], metavar="ID")
    q.set_defaults(run=_list)
    q = common(rsub.add_parser("show", help="everything about one rule, with its YAML"))
    q.add_argument("rule_id", metavar="ID")
    q.set_defaults(run=_show)
    q = rsub.add_parser("lint", help="validate rule files: every error as file:line:column")
    q.add_argument("dirs", nargs="*", type=Path, metavar="DIR",
                   help="folders to lint (default: the bundled rules)")
    q.set_defaults(run=_lint)
    q = common(rsub.add_parser("test", help="run the rules' pass/fail examples"))
    q.add_argument("ids", nargs="*", metavar="ID", help="rule ids or prefixes (default: all)")
    q.set_defaults(run=_test)
    q = common(rsub.add_parser("docs", help="print the rule catalogue in Markdown (-o docs/rules.md writes it)"))
    q.add_argument("-o", "--output", type=Path, default=None, help="file to write (default: standard output)")
    q.add_argument("--check", action="store_true", help="exit 1 if the file differs (it is stale)")
    q.set_defaults(run=_docs)


def _load(args):
    from .rules import load_rules

    rules = load_rules(args.rules)
    for e in rules.errors:
        print(e, file=sys.stderr)
    return rules


def _list(args: argparse.Namespace) -> int:
    """A table of the rules. On a terminal, coloured and fitted to its width; piped or
    redirected, plain columns with every title whole (a pipe has no width to fit)."""
    from .ruledocs import regimes_text

    rules = _load(args)
    chosen = rules.selected(args.select, args.ignore)
    rows = [(r.id, r.severity, regimes_text(r), r.title) for r in chosen]
    if not sys.stdout.isatty():
        from .outputs.summary import display_width

        header = ("id", "severity", "regimes", "title")
        widths = [max(display_width(row[i]) for row in [header, *rows]) for i in range(3)]
        for row in (header, *rows):
            cells = [cell + " " * (w - display_width(cell)) for cell, w in zip(row, widths)]
            sys.stdout.write("  ".join([*cells, row[3]]) + "\n")
        return 2 if rules.errors else 0
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table as RichTable

    table = RichTable(show_edge=False, header_style="bold")
    for column in ("id", "severity", "regimes", "title"):
        table.add_column(column, no_wrap=column != "title")
    style = {"error": "red", "warning": "yellow", "info": "cyan"}
    for rule_id, severity, regimes, title in rows:
        table.add_row(rule_id, f"[{style[severity]}]{severity}[/]", regimes, escape(title))
    Console().print(table)
    return 2 if rules.errors else 0


def _show(args: argparse.Namespace) -> int:
    """Everything about one rule, then its YAML exactly as written in its file: never
    re-wrapped (a terminal folds long lines itself; piped, the YAML can be copied back)."""
    from .ruledocs import regimes_text

    rules = _load(args)
    rule = rules.get(args.rule_id)
    if rule is None:
        print(f"no rule {args.rule_id}", file=sys.stderr)
        return 2
    fields = [("severity", rule.severity), ("regimes", regimes_text(rule)),
              ("issuers", ", ".join(sorted(rule.issuers)) if rule.issuers else "all"),
              ("cite", rule.cite), ("check", rule.kind), ("file", f"{rule.file}:{rule.line}")]
    if not sys.stdout.isatty():
        head = [f"{rule.id}  {rule.title}", rule.title_en, ""] + [f"{label:<9}{value}" for label, value in fields]
        if rule.description:
            head += ["", rule.description.strip()]
        sys.stdout.write("\n".join(head) + "\n\n" + rule.yaml)
        return 0
    from rich.console import Console
    from rich.syntax import Syntax
    from rich.text import Text

    console = Console()
    text = Text()
    text.append(rule.id, style="bold")
    text.append(f"  {rule.title}\n{rule.title_en}\n")
    for label, value in fields:
        text.append(f"\n{label:<9}", style="bold")
        text.append(value)
    if rule.description:
        text.append("\n\n" + rule.description.strip())
    console.print(text, soft_wrap=True)
    console.print()
    console.print(Syntax(rule.yaml.rstrip("\n"), "yaml", theme="ansi_dark", word_wrap=False,
                         background_color="default"), soft_wrap=True)
    return 0


def _lint(args: argparse.Namespace) -> int:
    from .rules import load_rules

    dirs = args.dirs
    rules = load_rules(dirs, include_bundled=not dirs)
    problems = [str(e) for e in rules.errors]
    for r in rules.rules:
        if not any(e.expect_fail for e in r.examples) or not any(not e.expect_fail for e in r.examples):
            problems.append(f"{r.file}:{r.line}:1: rule {r.id}: needs at least one passing and one failing example")
    for line in problems:
        print(line)
    count = len(rules.rules)
    print(f"{count} rules checked, {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


def _test(args: argparse.Namespace) -> int:
    from .api import run_examples

    rules = _load(args)
    chosen = rules.selected(args.ids) if args.ids else rules.rules
    if args.ids and not chosen:
        print(f"no rule matches {' '.join(args.ids)}", file=sys.stderr)
        return 2
    failed = total = 0
    for rule in chosen:
        for result in run_examples(rule, rules):
            total += 1
            if not result.passed:
                failed += 1
                kind = "fail" if result.example.expect_fail else "pass"
                print(f"✗ {rule.id} ({kind} example) {result.detail}")
        if not rule.examples:
            failed += 1
            print(f"✗ {rule.id}: no examples ({rule.file}:{rule.line})")
    if failed:
        print(f"{failed} of {total} example(s) failed in {len(chosen)} rule(s)")
        return 1
    if rules.errors:  # (a rule that did not load has run none of its examples: no ✓ over the others)
        print(f"✗ {len(rules.errors)} error(s) in the rule files (above); {total} examples of the "
              f"{len(chosen)} rule(s) loaded passed")
        return 2
    print(f"✓ {total} examples passed in {len(chosen)} rule(s)")
    return 0


def _docs(args: argparse.Namespace) -> int:
    from .ruledocs import render

    rules = _load(args)
    text = render(rules)
    if args.check:
        target = args.output or Path("docs/rules.md")
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target} is stale: run `nianbao rules docs -o {target}`", file=sys.stderr)
            return 1
        return 0
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
