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
