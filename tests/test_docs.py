"""Documentation generated from the rules must match the rules."""

from conftest import ROOT, run_cli


def test_rule_catalogue_is_up_to_date():
    result = run_cli("rules", "docs", "--check", "-o", str(ROOT / "docs" / "rules.md"))
    assert result.returncode == 0, result.stderr.decode() + "\nregenerate: nianbao rules docs -o docs/rules.md"


def test_bundled_rules_lint_clean_and_their_examples_pass():
    lint = run_cli("rules", "lint")
    assert lint.returncode == 0, lint.stdout.decode()
    test = run_cli("rules", "test")
    assert test.returncode == 0, test.stdout.decode()


def test_no_document_states_a_rule_count_that_is_not_the_rules():
    """A count of rules in prose goes stale as rules are added: where one is written, it
    is the number `rules list` shows (docs/rules.md is generated, so it always is)."""
    import re

    from nianbao.rules import load_rules

    count = len(load_rules().rules)
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for stated in re.findall(r"(\d+) (?:rules|条规则)", path.read_text(encoding="utf-8")):
            assert int(stated) == count, f"{path.name} says {stated} rules; there are {count}"


def test_the_readme_says_what_rules_docs_does():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    printed = run_cli("rules", "docs")
    assert printed.returncode == 0 and printed.stdout.decode().startswith("# 规则目录")
    assert "print the rule catalogue" in readme and "`-o docs/rules.md` writes" in readme


def test_citations_name_the_regulation_notice_or_practice_itself():
    """A citation names its source (a regulation, a notice, a practice), never a file
    that is not in the repository."""
    import re

    from nianbao.rules import load_rules

    for rule in load_rules().rules:
        assert "REGULATION" not in rule.cite and not re.search(r"\w+\.md\b", rule.cite), (rule.id, rule.cite)
        assert re.search(r"条例|国办|通知|做法|规范|办法|附件", rule.cite), (rule.id, rule.cite)
    for path in [*(ROOT / "rules").rglob("*.yaml"), *(ROOT / "tests").glob("*.py")]:
        text = path.read_text(encoding="utf-8")
        if path.name != "test_docs.py":
            assert "REGULATION.md" not in text, path
