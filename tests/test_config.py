"""Configuration files (issue 14, item 1): found nearest a file's folder, the command line first,
``--config`` and ``--isolated``, per-file ignores, clear errors, and ``cleanup config``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleanup.cli import main

TEXT = "The market , said; At once\n"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """root/cleanup.toml (spacing only), root/news/pyproject.toml (casing only),
    root/news/sport/ (no configuration of its own), and an article in each folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cleanup.toml").write_text('select = ["spacing"]\n', encoding="utf-8")
    news = tmp_path / "news"
    (news / "sport").mkdir(parents=True)
    (news / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.cleanup]\nselect = ["casing"]\n')
    for folder in (tmp_path, news, news / "sport"):
        (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def rules_found(*arguments: str) -> dict[str, list[str]]:
    done = CliRunner().invoke(main, ["check", "--output-format", "json", *arguments])
    assert done.exit_code in (0, 1), done.output
    found: dict[str, list[str]] = {}
    for record in json.loads(done.stdout):
        found.setdefault(record["path"], []).append(record["rule"])
    return found


def test_the_closest_configuration_wins(tree: Path) -> None:
    assert rules_found("a.txt", "news/a.txt", "news/sport/a.txt") == {
        "a.txt": ["space-before-punctuation"],
        "news/a.txt": ["semicolon-capital"],
        "news/sport/a.txt": ["semicolon-capital"],
    }
    # A folder walked: each file with its own configuration.
    assert rules_found(".") == {
        "./a.txt": ["space-before-punctuation"],
        "./news/a.txt": ["semicolon-capital"],
        "./news/sport/a.txt": ["semicolon-capital"],
    }


def test_a_pyproject_without_the_table_does_not_count(tree: Path) -> None:
    (tree / "news" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert rules_found("news/a.txt") == {"news/a.txt": ["space-before-punctuation"]}


def test_cleanup_toml_comes_before_pyproject_in_one_folder(tree: Path) -> None:
    (tree / "news" / ".cleanup.toml").write_text('select = ["spacing"]\n', encoding="utf-8")
    assert rules_found("news/a.txt") == {"news/a.txt": ["space-before-punctuation"]}


def test_the_command_line_wins_and_isolated_reads_nothing(tree: Path) -> None:
    assert rules_found("--select", "casing", "a.txt") == {"a.txt": ["semicolon-capital"]}
    assert rules_found("--isolated", "a.txt") == {"a.txt": ["space-before-punctuation", "semicolon-capital"]}
    other = tree / "other.toml"
    other.write_text('select = ["casing"]\n', encoding="utf-8")
    assert rules_found("--config", str(other), "a.txt") == {"a.txt": ["semicolon-capital"]}


def test_extend_select_and_per_file_ignores(tree: Path) -> None:
    (tree / "cleanup.toml").write_text(
        'select = ["spacing"]\nextend-select = ["casing"]\n\n[per-file-ignores]\n"drafts/*" = ["spacing"]\n'
    )
    (tree / "drafts").mkdir()
    (tree / "drafts" / "a.txt").write_text(TEXT, encoding="utf-8")
    assert rules_found("a.txt", "drafts/a.txt") == {
        "a.txt": ["space-before-punctuation", "semicolon-capital"],
        "drafts/a.txt": ["semicolon-capital"],
    }


def test_unsafe_fixes_target_and_paths_from_the_file(tree: Path) -> None:
    (tree / "allow.txt").write_text("non era possibile\n", encoding="utf-8")
    (tree / "cleanup.toml").write_text('select = ["leftovers"]\nallow = "allow.txt"\n', encoding="utf-8")
    article = tree / "news" / "sport" / "it.txt"
    article.write_text("The minister said that non era possibile today.\n", encoding="utf-8")
    (tree / "news" / "pyproject.toml").unlink()
    assert rules_found("news/sport/it.txt") == {}  # the allow file, read from the configuration's folder


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("selct = []\n", "unknown key 'selct'; did you mean 'select'?"),
        ("select = 1\n", "'select' takes a string or a list of strings, not 1"),
        ('target = "xx"\n', "'target' takes one of en, it, fr, es, de, pt, not 'xx'"),
        ("preview = 1\n", "'preview' takes true or false, not 1"),
        ("select = [\n", "not valid TOML"),
        ('select = ["nope"]\n', "'select': unknown rule or family: 'nope'"),
        (
            'ignore = ["punctuaton"]\n',
            "'ignore': unknown rule or family: 'punctuaton'; did you mean 'punctuation'?",
        ),
        ("select = []\n", "'select' names no rule; leave it out for the default rules"),
        ('select = [" , "]\n', "'select' names no rule; leave it out for the default rules"),
        ('extend-select = ["colon-capital"]\n', "'extend-select': colon-capital is a preview rule"),
        ('source = ["xx"]\n', "'source' takes languages among en, it, fr, es, de, pt, not 'xx'"),
        (
            'select = ["colon-capital"]\n',
            "'select': colon-capital is a preview rule: add --preview to run it, or ",
        ),
        # A glob that matches no file still names a rule that does not exist.
        (
            '[per-file-ignores]\n"*.md" = ["nope"]\n',
            "per-file-ignores '*.md': unknown rule or family: 'nope'",
        ),
    ],
)
def test_a_configuration_cleanup_cannot_use_is_one_clear_error(
    tree: Path, content: str, message: str
) -> None:
    (tree / "news" / "pyproject.toml").unlink()
    (tree / "news" / "cleanup.toml").write_text(content, encoding="utf-8")
    done = CliRunner().invoke(main, ["check", "news/a.txt"])
    assert done.exit_code == 2
    (line,) = done.stderr.splitlines()  # one line, naming the file, as for an article
    assert line.startswith(f"{tree / 'news' / 'cleanup.toml'}: error: ") and message in line


def test_cleanup_config_shows_each_setting_and_where_it_comes_from(tree: Path) -> None:
    done = CliRunner().invoke(main, ["config", "--target", "fr", "news/a.txt"])
    assert done.exit_code == 0, done.output
    lines = done.stdout.splitlines()
    assert lines[0] == f"# configuration: {tree / 'news' / 'pyproject.toml'}"
    assert f'select = ["casing"]  # {tree / "news" / "pyproject.toml"}' in lines
    assert 'target = "fr"  # command line' in lines
    assert "preview = false  # default" in lines


def test_allow_terms_and_a_style_table_written_out_in_the_configuration(tree: Path) -> None:
    (tree / "cleanup.toml").write_text(
        'allow = ["non era possibile"]\n\n[style]\ndecimal = ","\n', encoding="utf-8"
    )
    article = tree / "it.txt"
    article.write_text(
        "The minister said that non era possibile today, at 40.5 per cent.\n", encoding="utf-8"
    )
    assert rules_found("it.txt") == {"it.txt": ["decimal-separator"]}
    allow = tree / "allow.txt"
    allow.write_text("nothing\n", encoding="utf-8")
    found = rules_found("--allow", str(allow), "it.txt")  # a file on the command line wins
    assert sorted(found["it.txt"]) == ["decimal-separator", "source-phrase"]
    shown = CliRunner().invoke(main, ["config", "it.txt"]).stdout
    assert f'allow = ["non era possibile"]  # {tree / "cleanup.toml"}' in shown


def test_apply_finds_the_settings_of_the_files_configuration(tree: Path) -> None:
    from tests.test_html_report import Page

    (tree / "cleanup.toml").write_text('allow = ["the deal"]\n\n[style]\ndecimal = ","\n', encoding="utf-8")
    article = tree / "n.txt"
    article.write_text("It rose 40.5 per cent , said the deal.\n", encoding="utf-8")
    report = CliRunner().invoke(main, ["check", "--report-html", "report", "--unsafe-fixes", "n.txt"])
    assert report.exit_code == 1, report.output
    page = (tree / "report" / "articles" / "000001.html").read_text(encoding="utf-8")
    record = json.loads(Page(page).scripts[0])["file"]
    assert record["settings"]["allow"] and record["settings"]["style"]  # digests of the values written out
    for hunk in record["hunks"]:
        hunk["accepted"] = True
    decisions = tree / "decisions.json"
    decisions.write_text(json.dumps({"format": "cleanup-decisions", "version": 2, "files": [record]}))
    done = CliRunner().invoke(main, ["apply", str(decisions)])  # no --allow, no --style: the configuration's
    assert done.exit_code == 0, done.output
    assert article.read_text(encoding="utf-8") == "It rose 40,5 per cent, said the deal.\n"
    (tree / "cleanup.toml").write_text('allow = ["other"]\n\n[style]\ndecimal = ","\n', encoding="utf-8")
    article.write_text("It rose 40.5 per cent , said the deal.\n", encoding="utf-8")
    refused = CliRunner().invoke(main, ["apply", str(decisions)])  # other values: not the same settings
    assert refused.exit_code == 2 and "allow" in refused.stderr


def test_each_folder_walked_takes_its_own_include_and_exclude(tree: Path) -> None:
    (tree / "news" / "pyproject.toml").write_text(
        '[tool.cleanup]\nselect = ["casing"]\nexclude = ["sport/*"]\ninclude = ["*.txt", "*.text"]\n',
        encoding="utf-8",
    )
    (tree / "news" / "b.text").write_text(TEXT, encoding="utf-8")
    (tree / "c.text").write_text(TEXT, encoding="utf-8")  # the root's configuration does not take .text
    assert sorted(rules_found(".")) == ["./a.txt", "./news/a.txt", "./news/b.text"]
    # The command line wins: every .txt, in every folder.
    assert sorted(rules_found("--exclude", "nothing", "--include", "*.txt", ".")) == [
        "./a.txt",
        "./news/a.txt",
        "./news/sport/a.txt",
    ]


def test_rules_a_glob_turns_off_leave_no_option_idle(tree: Path) -> None:
    # The source steers the leftovers everywhere but in drafts/: no warning that it does nothing.
    (tree / "cleanup.toml").write_text(
        'source = ["it"]\n\n[per-file-ignores]\n"drafts/*" = ["leftovers"]\n', encoding="utf-8"
    )
    (tree / "drafts").mkdir()
    (tree / "drafts" / "a.txt").write_text(TEXT, encoding="utf-8")
    done = CliRunner().invoke(main, ["check", "a.txt", "drafts/a.txt"])
    assert "does nothing" not in done.stderr
    (tree / "cleanup.toml").write_text('source = ["it"]\nignore = ["leftovers"]\n', encoding="utf-8")
    done = CliRunner().invoke(main, ["check", "a.txt"])
    assert "--source does nothing" in done.stderr


def test_per_file_ignores_take_a_string_of_rules_as_select_does(tree: Path) -> None:
    (tree / "news" / "pyproject.toml").unlink()
    assert CliRunner().invoke(main, ["check", "news/a.txt"]).exit_code == 1  # spacing and casing found
    (tree / "news" / "cleanup.toml").write_text('[per-file-ignores]\n"*.txt" = "spacing,casing"\n')
    done = CliRunner().invoke(main, ["check", "--select", "spacing,casing", "news/a.txt"])
    assert (done.exit_code, done.stderr) == (0, "")
