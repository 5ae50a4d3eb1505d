"""nianbao (年报): a rules-as-code checker for 政府信息公开工作年度报告.

    from nianbao import check
    result = check("report.txt")
"""

__version__ = "0.1.0"

_API = {"check", "check_many", "check_text", "CheckResult", "default_rules", "load_rules", "run_examples"}


def __getattr__(name: str):
    # The API is loaded on first use, so `nianbao --version` and the CLI's argument
    # parsing do not pay for the grammar and the rules.
    if name in _API:
        from . import api

        return getattr(api, name)
    if name == "parse":
        from .parse import parse

        return parse
    raise AttributeError(name)


__all__ = sorted(_API | {"parse", "__version__"})
