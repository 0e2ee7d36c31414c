"""Markers that keep cleanup off a passage (issue 14, item 3), in plain text, Markdown and HTML."""

from __future__ import annotations

import pytest

from cleanup import clean

BODY = (
    "One , two.\n\n"
    "<!-- cleanup: ignore[spacing] -->\n"
    "Three , four; At once.\n\n"
    "Five , six.\n\n"
    "<!-- cleanup: off -->\n"
    "Seven , eight; At all.\n\n"
    "<!-- cleanup: on -->\n"
    "Nine , ten.\n"
)
FIXED = BODY.replace("One , two", "One, two").replace("; At once", "; at once")
FIXED = FIXED.replace("Five , six", "Five, six").replace("Nine , ten", "Nine, ten")


@pytest.mark.parametrize("form", ["text", "markdown"])
def test_markers_keep_rules_off_their_passages(form: str) -> None:
    result = clean(BODY, format=form)
    assert result.text == FIXED
    lines = {finding.line for finding in result.findings}
    assert lines == {1, 4, 6, 12}  # nothing reported in the passage kept off (line 9)


def test_markers_in_html_are_comments_no_reader_sees() -> None:
    page = (
        "<p>One , two.</p>\n<!-- cleanup: ignore[spacing] -->\n<p>Three , four; At once.</p>\n"
        "<!-- cleanup: off --><p>Seven , eight; At all.</p><!-- cleanup: on -->\n<p>Nine , ten.</p>\n"
    )
    assert clean(page, format="html").text == (
        "<p>One, two.</p>\n<!-- cleanup: ignore[spacing] -->\n<p>Three , four; at once.</p>\n"
        "<!-- cleanup: off --><p>Seven , eight; At all.</p><!-- cleanup: on -->\n<p>Nine, ten.</p>\n"
    )


@pytest.mark.parametrize(
    ("marker", "fixed"),
    [
        ("<!-- cleanup: ignore -->", "Three , four; At once."),  # every rule
        ("<!-- cleanup: ignore[semicolon-capital] -->", "Three, four; At once."),  # one rule by id
        ("<!-- cleanup:ignore[casing, spacing]-->", "Three , four; At once."),  # families, spaced freely
        ("<!-- cleanup: ignore[no-such-rule] -->", "Three , four; At once."),  # unknown: every rule
    ],
)
def test_ignore_names_rules_or_families(marker: str, fixed: str) -> None:
    text = f"{marker}\nThree , four; At once.\n\nFive , six.\n"
    assert clean(text).text == f"{marker}\n{fixed}\n\nFive, six.\n"


def test_the_markers_themselves_are_never_changed() -> None:
    text = "<!-- cleanup: off -->\n<!--cleanup:on-->\nThe deal , said\n"
    assert clean(text).text == "<!-- cleanup: off -->\n<!--cleanup:on-->\nThe deal, said\n"


def test_off_without_on_runs_to_the_end() -> None:
    text = "The deal , said\n<!-- cleanup: off -->\nThe talks , said; At once\n\nThe end , then\n"
    assert clean(text).text == text.replace("The deal , said", "The deal, said")


@pytest.mark.parametrize(
    "piece",
    [
        "<!-- cleanup: ignore[spacing] -->\nThe deal , said; At once.\n\n",
        "<!-- cleanup: ignore --><!-- cleanup: ignore[casing] -->The deal , said , then ; At ",  # stacked
        "<!-- cleanup: off -->The deal , said<!-- cleanup: on -->The talks , said ; At once. ",
    ],
)
def test_many_markers_cost_linear_time(piece: str) -> None:
    from tests.test_linear_time import BOUND, growth, repeated

    assert growth(repeated(piece), clean) < BOUND


def test_add_noqa_writes_markers_that_keep_the_findings_off(tmp_path) -> None:
    from click.testing import CliRunner

    from cleanup.cli import main

    article = tmp_path / "a.txt"
    article.write_bytes(b"Fine.\r\n\r\nThe deal , said; At once.\r\n\r\nThe talks , then.\r\n")
    done = CliRunner().invoke(main, ["check", "--add-noqa", str(article)])
    assert done.exit_code == 0 and f"{article}: 2 markers added" in done.stderr
    assert article.read_bytes() == (
        b"Fine.\r\n\r\n<!-- cleanup: ignore[semicolon-capital, space-before-punctuation] -->\r\n"
        b"The deal , said; At once.\r\n\r\n<!-- cleanup: ignore[space-before-punctuation] -->\r\n"
        b"The talks , then.\r\n"
    )
    assert CliRunner().invoke(main, ["check", str(article)]).exit_code == 0  # nothing left to report
    again = CliRunner().invoke(main, ["check", "--add-noqa", str(article)])
    assert again.exit_code == 0 and "added" not in again.stderr


def test_add_noqa_on_what_cannot_take_markers_is_an_error(tmp_path) -> None:
    from click.testing import CliRunner

    from cleanup.cli import main

    data = tmp_path / "a.jsonl"
    data.write_text('{"text": "The deal , said."}\n', encoding="utf-8")
    done = CliRunner().invoke(main, ["check", "--add-noqa", str(data)])
    assert done.exit_code == 2
    assert f"{data}: error: markers are added to plain text, Markdown and HTML only" in done.stderr
    assert data.read_text(encoding="utf-8") == '{"text": "The deal , said."}\n'
    piped = CliRunner().invoke(main, ["check", "--add-noqa", "-"], input="The deal , said.\n")
    assert piped.exit_code == 2 and "-: error: markers are written into a file" in piped.stderr


def test_add_noqa_marks_what_its_markers_leave_to_find(tmp_path) -> None:
    # Kept off, the cluster ",;" stays, and the capital after its semicolon is then a finding too.
    from click.testing import CliRunner

    from cleanup.cli import main

    article = tmp_path / "a.txt"
    article.write_text("The cup ,; However in extra time.\n\nFine.\n", encoding="utf-8")
    done = CliRunner().invoke(main, ["check", "--add-noqa", str(article)])
    assert done.exit_code == 0 and f"{article}: 2 markers added" in done.stderr
    assert CliRunner().invoke(main, ["check", str(article)]).exit_code == 0  # nothing left to report
    assert article.read_text(encoding="utf-8").endswith("The cup ,; However in extra time.\n\nFine.\n")


def test_add_noqa_leaves_the_front_matter_alone(tmp_path) -> None:
    from click.testing import CliRunner

    from cleanup.cli import main

    article = tmp_path / "a.md"
    article.write_text("---\ntitle: The talks ; At once\n---\nBody , here.\n", encoding="utf-8")
    CliRunner().invoke(main, ["check", "--add-noqa", str(article)])
    assert article.read_text(encoding="utf-8") == (
        "---\ntitle: The talks ; At once\n---\n"
        "<!-- cleanup: ignore[space-before-punctuation] -->\nBody , here.\n"
    )


def test_add_noqa_in_html_writes_a_marker_before_each_block(tmp_path) -> None:
    from click.testing import CliRunner

    from cleanup.cli import main

    page = tmp_path / "a.html"
    last = "<p>The <b>talks</b> , then <img alt='the deal , said'></p>"
    page.write_text(
        f"<body>\n  <p>The deal , said.</p>\n  <p>Fine.</p>\n  {last}\n</body>\n", encoding="utf-8"
    )
    CliRunner().invoke(main, ["check", "--add-noqa", str(page)])
    marker = "<!-- cleanup: ignore[space-before-punctuation] -->"
    assert page.read_text(encoding="utf-8") == (
        f"<body>\n  {marker}\n  <p>The deal , said.</p>\n  <p>Fine.</p>\n  {marker}\n  {last}\n</body>\n"
    )
    # The alt takes no marker: it is still reported.
    assert CliRunner().invoke(main, ["check", str(page)]).stdout.count("space-before-punctuation") == 1


def test_add_noqa_in_html_writes_a_marker_inside_a_line_just_before_its_block(tmp_path) -> None:
    from click.testing import CliRunner

    from cleanup.cli import main

    page = tmp_path / "a.html"
    page.write_text("<body><p>Talks ; At once, see <code>x ; y</code> and more , then.</p></body>\n")
    assert CliRunner().invoke(main, ["check", "--add-noqa", str(page)]).exit_code == 0
    first, second = "semicolon-capital, space-before-punctuation", "space-before-punctuation"
    assert page.read_text() == (  # no line break put into the paragraph's text
        f"<body><!-- cleanup: ignore[{first}] --><p>Talks ; At once, see "
        f"<!-- cleanup: ignore[{second}] --><code>x ; y</code> and more , then.</p></body>\n"
    )
    assert CliRunner().invoke(main, ["check", str(page)]).exit_code == 0


def test_add_noqa_reports_a_file_it_cannot_write(tmp_path, monkeypatch) -> None:
    from click.testing import CliRunner

    from cleanup import io
    from cleanup.cli import main

    def refuse(path: str, data: bytes) -> None:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(io, "write_atomic", refuse)
    article, other = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (article, other):
        path.write_text("The deal , said\n", encoding="utf-8")
    done = CliRunner().invoke(main, ["check", "--add-noqa", str(article), str(other)])
    assert done.exit_code == 2 and "Traceback" not in done.output
    assert f"{article}: error: cannot write: permission denied" in done.stderr
    assert f"{other}: error: cannot write: permission denied" in done.stderr  # the run went on
    assert article.read_text(encoding="utf-8") == "The deal , said\n"
