"""JSON Lines and JSON (issue 13, item 4): the strings of the fields named are cleaned, each as
one article, and every other byte of the file stays as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanup import clean
from cleanup.cli import main
from cleanup.formats import FormatError, Reading, format_named
from cleanup.formats.jsondata import json_lines_segments
from cleanup.passes import Context
from cleanup.pipeline import run
from cleanup.rules import select_rules
from tests.test_linear_time import BOUND, growth, repeated
from tests.test_properties import PIECES

ARTEFACT = "Republic [l’Iran] said; At the same time al-Assad). , but"
FIXED = "Republic [Iran] said; at the same time al-Assad), but"


def jsonl(text: str, fields: tuple[str, ...] = ("text",)) -> str:
    return run(text, Context(select_rules()), form=format_named("jsonl", fields)).text


def test_the_text_field_is_cleaned_and_nothing_else_moves() -> None:
    line = {"id": 7, "url": "https://x.org/l'Iran , a", "headline": ARTEFACT, "text": ARTEFACT, "n": [1, 2]}
    text = json.dumps(line, ensure_ascii=False, indent=None, separators=(" ,", ":  ")) + "\n"
    assert jsonl(text) == text.replace(f'"text":  "{ARTEFACT}"', f'"text":  "{FIXED}"')


def test_nested_and_several_fields_by_dotted_name() -> None:
    text = json.dumps({"meta": {"title": ARTEFACT, "slug": ARTEFACT}, "body": ARTEFACT}) + "\n"
    out = json.loads(jsonl(text, ("meta.title", "body")))
    assert out == {"meta": {"title": FIXED, "slug": ARTEFACT}, "body": FIXED}


def test_escapes_are_decoded_for_the_rules_and_kept_outside_the_changes() -> None:
    # An ASCII line (json.dumps's default) keeps its escapes, and what a fix writes is escaped too.
    text = json.dumps({"text": '“Khameneiâ€™s words ; At once”\n\nthe "deal" , said'}) + "\n"
    assert text.isascii()
    out = jsonl(text)
    assert out.isascii()
    assert json.loads(out)["text"] == '“Khamenei’s words; at once”\n\nthe "deal", said'
    assert out.startswith(
        '{"text": "\\u201cKhamenei\\u2019s words; at once\\u201d\\n\\nthe \\"deal\\", said"}'
    )


def test_half_a_surrogate_pair_is_a_warning_and_its_escape_is_kept() -> None:
    # "\ud83d" alone is half of an emoji: nothing can restore the other half, and U+FFFD in its
    # place would lose the trace of what stood there. The fix beside it is still made.
    text = '{"text": "The emoji \\ud83d was cut , he said."}\n'
    result = clean(text, format="jsonl")
    assert result.text == text.replace("cut ,", "cut,")
    (warning,) = [finding for finding in result.findings if finding.rule == "mojibake"]
    assert warning.safety.value == "display"
    assert "U+D83D is half of a character" in warning.message
    # Glued to mojibake, it keeps neither from being repaired.
    glued = '{"text": "Caf\\u00c3\\u00a9\\ud83d is late"}\n'
    fixed = clean(glued, format="jsonl")
    assert fixed.text == '{"text": "Caf\\u00e9\\ud83d is late"}\n'
    assert [(f.rule, f.safety.value) for f in fixed.findings] == [
        ("mojibake", "safe"),
        ("mojibake", "display"),
    ]


def test_a_finding_is_located_in_the_file() -> None:
    text = (
        '{"id": 1}\n{"x": "\\u00e9\\ud83d\\ude00", "text": "\\"\\u00e9\\" \\ud83d\\ude00 the deal , said"}\n'
    )
    result = clean(text, format="jsonl")
    (finding,) = result.findings
    assert finding.rule == "space-before-punctuation"
    assert (finding.line, finding.column) == (2, text.index(" , said") - text.index("\n"))
    assert text[finding.start : finding.end] == " "
    assert result.text == text.replace(" , said", ", said")


def test_lines_that_hold_lists_blank_lines_crlf_and_other_values() -> None:
    text = (
        '[{"text": "the deal , said"}, {"text": 3}, {"other": "the deal , said"}]\r\n'
        '\n  \n{"text": null}\r\n"the deal , said"\n'
    )
    assert jsonl(text) == text.replace('[{"text": "the deal , said"', '[{"text": "the deal, said"')


def test_a_json_file_of_articles() -> None:
    articles = [{"text": ARTEFACT}, {"text": "Clean."}]
    text = json.dumps(articles, indent=2, ensure_ascii=False)
    assert clean(text, format="json").text == json.dumps(
        [{"text": FIXED}, {"text": "Clean."}], indent=2, ensure_ascii=False
    )
    assert clean(json.dumps({"text": ARTEFACT}), format="json").text == json.dumps({"text": FIXED})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"text": "a"}\n{"text": "b",}\n',
            "line 2: not valid JSON: Expecting property name enclosed in double quotes (column 14)",
        ),
        ('{"text": "a"} x\n', "line 1: not valid JSON: Extra data (column 15)"),
        ('{"text": "a\tb"}\n', "line 1: not valid JSON: Invalid control character at (column 12)"),
        ("not json\n", "line 1: not valid JSON: Expecting value (column 1)"),
        ('{"text": "unterminated\n', "line 1: not valid JSON: Unterminated string starting at (column 10)"),
        ("[" * 100_000 + "]" * 100_000 + "\n", "line 1: nested too deeply to read"),
    ],
)
def test_a_line_that_is_not_json_is_an_error_naming_it(text: str, message: str) -> None:
    with pytest.raises(FormatError) as caught:
        json_lines_segments(text, ("text",))
    assert str(caught.value) == message


def test_the_fixed_file_is_fixed_for_good() -> None:
    text = json.dumps({"text": ARTEFACT + "\n\nKhameneiâ€™s ; At"}) + "\n"
    once = jsonl(text)
    assert once != text and jsonl(once) == once


def test_the_format_follows_the_extension_or_the_option() -> None:
    reading = Reading()
    assert [reading.format_for(p).name for p in ("a.jsonl", "a.NDJSON", "a.json", "a.txt")] == [
        "jsonl",
        "jsonl",
        "json",
        "text",
    ]
    assert Reading(format="jsonl").format_for("-").name == "jsonl"
    with pytest.raises(ValueError, match="fields to clean must be keys"):
        Reading(fields=("a..b",)).format_for("a.jsonl")


def test_a_batch_goes_on_past_a_bad_file_and_leaves_it_as_it_was(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    good.write_text(json.dumps({"text": ARTEFACT}) + "\n", encoding="utf-8")
    bad_bytes = (json.dumps({"text": ARTEFACT}) + "\n{oops\n").encode("utf-8")
    bad.write_bytes(bad_bytes)
    done = CliRunner().invoke(main, ["fix", "--in-place", str(tmp_path)])
    assert done.exit_code == 2
    assert (
        f"{bad}: error: line 2: not valid JSON: Expecting property name enclosed in double quotes "
        "(column 2); left as it is" in done.stderr
    )
    assert "Traceback" not in done.output
    assert bad.read_bytes() == bad_bytes
    assert json.loads(good.read_text(encoding="utf-8")) == {"text": FIXED}


HUGE = "9" * 5_000  # more digits than Python's int() reads (4,300): once a ValueError and a traceback


@pytest.mark.parametrize(
    ("name", "text", "block_size"),
    [
        ("b.jsonl", f'{{"text": "{ARTEFACT}", "n": {HUGE}, "x": -{HUGE}.{HUGE}e-{HUGE}}}\n' * 3, "2MB"),
        ("b.jsonl", f'{{"text": "{ARTEFACT}", "n": {HUGE}}}\n' * 10, "20KB"),  # read in blocks of lines
        ("b.json", f'[{{"n": [{HUGE}], "text": "{ARTEFACT}"}}, {HUGE}]', "2MB"),
    ],
    ids=["json-lines", "json-lines-in-blocks", "json"],
)
def test_a_number_of_any_length_is_kept_byte_for_byte(
    tmp_path: Path, name: str, text: str, block_size: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    (folder / "a.txt").write_text("The minister said , yes.\n", encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    checked = runner.invoke(main, ["check", "--block-size", block_size, str(folder)])
    assert checked.exit_code == 1, checked.output[-500:]
    assert "0 failed" in checked.stderr and "Traceback" not in checked.output
    assert checked.stdout.count(f"{name}:") == 3 * text.count(ARTEFACT)
    assert "a.txt:1:18: space-before-punctuation" in checked.stdout
    done = runner.invoke(main, ["fix", "--block-size", block_size, "--out", str(out), str(folder)])
    assert done.exit_code == 0, done.output[-500:]
    assert (out / name).read_text(encoding="utf-8") == text.replace(ARTEFACT, FIXED)
    assert (out / "a.txt").read_text(encoding="utf-8") == "The minister said, yes.\n"


def test_the_command_line_takes_fields_and_a_format_for_standard_input() -> None:
    line = json.dumps({"body": {"text": ARTEFACT}, "text": ARTEFACT}, ensure_ascii=False) + "\n"
    runner = CliRunner()
    done = runner.invoke(main, ["fix", "--format-in", "jsonl", "--field", "body.text", "-"], input=line)
    assert done.exit_code == 0, done.stderr
    assert json.loads(done.stdout) == {"body": {"text": FIXED}, "text": ARTEFACT}
    checked = runner.invoke(main, ["check", "--format-in", "jsonl", "-"], input=line)
    found = [row.split(":")[1:4] for row in checked.stdout.splitlines()]
    assert [rule.split()[0] for _, _, rule in found] == [
        "stray-elided-article",
        "semicolon-capital",
        "punctuation-cluster",
    ]
    at = [line[int(column) - 1 :] for number, column, _ in found if number == "1"]
    assert [place[:3] for place in at] == ["l’I", "At ", ". ,"]
    assert all(line.index(place) > line.rindex('"text"') for place in at)
    wrong = runner.invoke(main, ["fix", "--field", "a..b", "-"], input=line)
    assert wrong.exit_code == 2 and "--field" in wrong.stderr


@pytest.mark.parametrize(
    "piece",
    [
        '{"text": "the deal , said \\"x\\" \\u00e9\\ud83d\\ude00; At once"}\n',  # many short articles
        '{"text": "a" , "other": [1, {"x": "y"}], "meta": {"title": "t"}}   \n',
        "                                                \n",  # white space only
    ],
)
def test_reading_json_lines_takes_linear_time(piece: str) -> None:
    fields = ("text", "meta.title")
    assert growth(repeated(piece), lambda text: json_lines_segments(text, fields)) < BOUND


def test_one_long_string_full_of_escapes_takes_linear_time() -> None:
    def one_line(size: int) -> str:
        return '{"text": "' + '\\n \\u00e9 , \\"' * (size // 16) + '"}\n'

    assert growth(one_line, lambda text: json_lines_segments(text, ("text",))) < BOUND


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.booleans())
def test_any_text_field_stays_json_and_only_it_changes(prose: str, ascii_only: bool) -> None:
    line = json.dumps({"id": prose, "text": prose, "n": [1, 2]}, ensure_ascii=ascii_only) + "\n"
    once = jsonl(line)
    record = json.loads(once)
    assert record["id"] == prose and record["n"] == [1, 2]
    assert record["text"] == clean(prose).text
    assert once.isascii() or not ascii_only
    assert jsonl(once) == once
