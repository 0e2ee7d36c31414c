"""Markdown (issue 13, item 2): the prose is cleaned, everything else kept byte for byte."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleanup import clean
from cleanup.cli import main
from cleanup.formats import MARKDOWN, TEXT, Reading, markdown
from cleanup.passes import Context
from cleanup.pipeline import run
from cleanup.rules import select_rules
from tests.test_linear_time import BOUND, growth, repeated

ARTEFACT = "Republic [l’Iran] said; At the same time al-Assad). , but"
FIXED = "Republic [Iran] said; at the same time al-Assad), but"


def fixed(text: str) -> str:
    return run(text, Context(select_rules()), form=MARKDOWN).text


def prose(text: str) -> list[str]:
    """The stretches of ``text`` that are not markup."""
    parts, cursor = [], 0
    for start, end in markdown.markup_spans(text):
        if start > cursor:
            parts.append(text[cursor:start])
        cursor = end
    return parts + ([text[cursor:]] if cursor < len(text) else [])


@pytest.mark.parametrize(
    ("template", "is_prose"),
    [
        ("{}", True),
        ("# {}", True),
        ("Setext {}\n===", True),
        ("> {}", True),
        ("- {}\n- two", True),
        ("1. {}", True),
        ("*{}*", True),
        ("~~{}~~", True),
        ("| a |\n| --- |\n| {} |", True),
        ("[{}](https://x.org)", True),
        ("![{}](img.png)", True),
        ("`{}`", False),
        ("``{}``", False),
        ("```\n{}\n```", False),
        ("~~~python\n{}\n~~~", False),
        ("    {}", False),
        ("<div>\n{}\n</div>", False),
        ("$${}$$", False),
        ("$$\n{}\n$$", False),
        ("[link](<{}>)", False),
        ('[link](https://x.org "{}")', False),
        ("[ref]: https://x.org '{}'", False),
        ('<span title="{}">x</span>', False),
        ("<!-- {} -->", False),
    ],
)
def test_a_construct_is_cleaned_only_when_it_is_prose(template: str, is_prose: bool) -> None:
    text = template.format(ARTEFACT)
    assert fixed(text) == (template.format(FIXED) if is_prose else text)


def test_front_matter_cleans_the_prose_fields_and_keeps_the_rest() -> None:
    text = (
        "---\n"
        f'title: "{ARTEFACT}"\n'
        f"summary: {ARTEFACT}\n"
        f"slug: {ARTEFACT}\n"
        "tags: [iran , sanctions]\n"
        "nested:\n"
        f"  title: {ARTEFACT}\n"
        "---\n"
        "Body.\n"
    )
    assert fixed(text) == text.replace(f'title: "{ARTEFACT}"', f'title: "{FIXED}"').replace(
        f"summary: {ARTEFACT}", f"summary: {FIXED}"
    )


def test_front_matter_fields_written_as_blocks_are_cleaned_line_by_line() -> None:
    text = (
        "---\r\n"
        "summary: >\r\n"
        f"  {ARTEFACT}\r\n"
        "\r\n"
        f"  {ARTEFACT}   \r\n"
        f"slug: {ARTEFACT}\r\n"
        "description: |-   # kept\r\n"
        f"    {ARTEFACT}\r\n"
        f"      {ARTEFACT}\r\n"
        "tags: >\r\n"
        f"  {ARTEFACT}\r\n"
        "title: >\r\n"  # an empty block
        "---\r\n"
        f"{ARTEFACT}\r\n"
    )
    lines = text.split("\r\n")
    for number in (2, 4, 7, 8, 13):  # the block lines of prose fields, and the body
        lines[number] = lines[number].replace(ARTEFACT, FIXED)
    assert fixed(text) == "\r\n".join(lines)


def test_front_matter_keys_inside_a_quoted_value_over_lines_are_its_text() -> None:
    text = f'---\nslug: "first line\ntitle: {ARTEFACT}"\ntitle: {ARTEFACT}\n---\nBody.\n'
    assert fixed(text) == f'---\nslug: "first line\ntitle: {ARTEFACT}"\ntitle: {FIXED}\n---\nBody.\n'
    never_closed = f"---\nslug: 'first line\ntitle: {ARTEFACT}\n---\nBody.\n"
    assert fixed(never_closed) == never_closed


def test_a_block_line_indented_with_a_tab_after_its_spaces_is_cleaned_whole() -> None:
    assert fixed("---\nsummary: |\n  \tcost 76 %\n  \tthe sea .\n---\nB\n") == (
        "---\nsummary: |\n  \tcost 76%\n  \tthe sea.\n---\nB\n"
    )


def test_markup_escapes_and_references_stay_as_written() -> None:
    # Even the encoding pass keeps "&amp;": in Markdown it is how an ampersand may be written.
    text = "A \\*starred\\* word &amp; an [ref] link ; At last\n\n[ref]: https://x.org/l'Iran\n"
    assert prose(text) == ["A ", "starred", " word ", " an ", "ref", " link ; At last"]
    assert fixed(text) == text.replace("link ; At last", "link; at last")


def test_an_autolink_and_an_address_in_prose_are_kept() -> None:
    text = "See <https://x.org/l'Iran> and https://y.org/l'Iran/page and the l'Iran page."
    assert fixed(text) == "See <https://x.org/l'Iran> and https://y.org/l'Iran/page and the Iran page."


def test_line_endings_keep_their_offsets() -> None:
    text = "# Title\r\n\r\n`code ; At`\r\nThe [l’Iran] talks ; At once\r\n"
    assert fixed(text) == "# Title\r\n\r\n`code ; At`\r\nThe [Iran] talks; at once\r\n"


def test_an_unclosed_construct_is_read_as_commonmark_reads_it() -> None:
    # An unclosed fence runs to the end of the document; an unclosed code span is text.
    assert fixed("```\ncode ; At\nmore") == "```\ncode ; At\nmore"
    assert fixed("a `b ; At c") == "a `b; at c"


def test_the_format_follows_the_extension() -> None:
    format_for = Reading().format_for
    assert format_for("a/b.md") is format_for("a/b.MARKDOWN") is MARKDOWN
    assert format_for("a/b.txt") is format_for("-") is format_for("a/README") is TEXT
    assert Reading(format="markdown").format_for("a/b.txt") is MARKDOWN


def test_the_command_line_reads_a_markdown_file_as_markdown(tmp_path) -> None:
    article, as_text = tmp_path / "article.md", tmp_path / "article.txt"
    for path in (article, as_text):
        path.write_text("Text ; At once `code ; At`\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["fix", str(article)]).stdout == "Text; at once `code ; At`\n"
    # Not Markdown: the backticks are no code span, and the space inside them goes too.
    assert runner.invoke(main, ["fix", str(as_text)]).stdout == "Text; at once `code; At`\n"
    checked = runner.invoke(main, ["check", str(article)])
    assert [line.split(": ")[0].rsplit(":", 2)[1:] for line in checked.stdout.splitlines()] == [
        ["1", "5"],
        ["1", "8"],
    ]


@pytest.mark.parametrize(
    "piece",
    [
        "`",
        "``` ",
        "[a](",
        "![",
        "<",
        "](",
        "\\",
        "&amp;",
        "$",
        "|",
        "> ",
        "- ",
        "---\n",
        "[[",
        "*_",
        "<a ",
        "<!--",
    ],
)
def test_reading_a_document_takes_linear_time(piece: str) -> None:
    assert growth(repeated(piece + "word "), markdown.markup_spans) < BOUND


def _staircase(line: str) -> Callable[[int], str]:
    """Front matter of about ``size`` bytes, each line ``line`` indented one space more than the
    one before: every key holds the rest."""

    def make(size: int) -> str:
        lines, total = [], 0
        while total < size:
            lines.append(" " * len(lines) + line.format(len(lines)))
            total += len(lines[-1]) + 1
        return "---\n" + "\n".join(lines) + "\n---\nBody.\n"

    return make


@pytest.mark.parametrize("line", ["k{}:", "k{}: value # note", "k{}:   # note"])
def test_deeply_nested_front_matter_takes_linear_time(line: str) -> None:
    assert growth(_staircase(line), markdown.markup_spans) < BOUND


def test_the_python_api_takes_the_format_by_name() -> None:
    text = "Talks ; At once `code ; At`"
    assert clean(text, format="markdown").text == "Talks; at once `code ; At`"
    assert clean(text).text == clean(text, format="text").text == "Talks; at once `code; At`"
    with pytest.raises(
        ValueError,
        match=r"^unknown format 'docx': choose one of text, markdown, html, jsonl, json, po, xliff$",
    ):
        clean(text, format="docx")


def test_the_newsroom_names_the_front_matter_fields_that_are_prose() -> None:
    text = "---\ntitle: The talks ; At once\nheadline: The deal ; At last\n---\nBody ; At once\n"
    assert clean(text, format="markdown").text == text.replace("talks ; At", "talks; at").replace(
        "Body ; At", "Body; at"
    )
    named = clean(text, format="markdown", fields=["headline"]).text
    assert named == text.replace("deal ; At", "deal; at").replace("Body ; At", "Body; at")
    done = CliRunner().invoke(
        main, ["fix", "--format-in", "markdown", "--field", "headline", "-"], input=text
    )
    assert done.exit_code == 0, done.stderr
    assert done.stdout == named


def test_front_matter_comments_are_kept_and_plain_values_over_lines_are_cleaned() -> None:
    text = (
        "---\n"
        f"title: {ARTEFACT} # editor , note\n"
        f'subtitle: "{ARTEFACT}"   # note , kept\n'
        "excerpt:\n"
        f"  {ARTEFACT}\n"
        f"  {ARTEFACT} # ends it , here\n"
        f"  {ARTEFACT}\n"
        "summary: C# code , ok\n"
        "description:\n"
        f"  - {ARTEFACT}\n"
        "---\n"
        "Body.\n"
    )
    lines = text.split("\n")
    for number in (1, 2, 4, 5):
        lines[number] = lines[number].replace(ARTEFACT, FIXED)
    lines[7] = "summary: C# code, ok"
    assert fixed(text) == "\n".join(lines)


@pytest.mark.parametrize(
    "parent",
    ["meta:\n  # SEO\n", "meta: &m\n", "meta: !!map\n", "meta:   # the page's\n\n"],
)
def test_a_nested_key_is_known_by_its_parent_however_the_parent_is_written(parent: str) -> None:
    text = f"---\n{parent}  summary: It is late , he said\nflow: {{a: 1,\n  title: x , y}}\n---\nBody.\n"
    assert clean(text, format="markdown").text == text  # not the top-level summary, nor a title
    named = clean(text, format="markdown", fields=["meta.summary"]).text
    assert named == text.replace("late , he", "late, he")


def test_a_nested_front_matter_field_is_named_by_its_dotted_path() -> None:
    text = (
        "---\n"
        "title: The talks ; At once\n"
        "meta:   # the page's own\n"
        "  summary: The deal ; At last\n"
        "  notes: >\n"
        "    summary: kept ; At once\n"
        "  Teaser: |\n"
        "    The vote ; At dawn\n"
        "    the end ; At last\n"
        "summary: Top ; At once\n"
        "---\n"
        "Body ; At once\n"
    )
    default = clean(text, format="markdown").text
    assert default == text.replace("talks ; At", "talks; at").replace("Top ; At", "Top; at").replace(
        "Body ; At", "Body; at"
    )
    named = clean(text, format="markdown", fields=["meta.summary", "META.teaser"]).text
    assert named == (
        text.replace("deal ; At", "deal; at")
        .replace("vote ; At", "vote; at")
        .replace("end ; At", "end; at")
        .replace("Body ; At", "Body; at")
    )
    done = CliRunner().invoke(
        main, ["fix", "--format-in", "markdown", "--field", "meta.summary", "-"], input=text
    )
    assert done.exit_code == 0, done.stderr
    assert done.stdout == text.replace("deal ; At", "deal; at").replace("Body ; At", "Body; at")


MARKDOWN_PIECES = st.sampled_from(
    [
        "the", "At", "said", "l’Iran", "â€™", " ", "\n", "\n\n", ".", ",", ";", ")", "(",
        "`x = f(a). , b`", "[the talks , now](https://x.org/l'Iran , a)", "<https://x.org/a , b>",
        "\n```\ncode ; At\n```\n", "\n    indented ; At\n", "**bold ; At**", "# ", "> ", "- ",
        "https://x.org/l'Iran", "<span data-x=\"a , b\">", "$a , b$",
    ]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(MARKDOWN_PIECES, max_size=30).map("".join))
def test_a_document_keeps_its_markup_and_is_fixed_for_good(document: str) -> None:
    once = fixed(document)
    assert _markup(once) == _markup(document)
    assert fixed(once) == once


def test_a_fix_that_would_break_the_front_matter_s_yaml_is_only_reported() -> None:
    # The document writes straight quotes, so «…» would become "…": YAML syntax at the start of a
    # plain value and inside a double-quoted one, as "'" is inside a single-quoted one.
    import yaml

    text = (
        "---\n"
        "title: 'He said ‹we will win› today' # c\n"
        "summary:\n"
        "  «We will win», he said\n"
        'subtitle: "He said «we will win» today"\n'
        "excerpt: «We will win» , he said\n"
        "description: The deal ; At once\n"
        "---\n"
        'The minister said "no".\n'
    )
    result = clean(text, format="markdown")
    # Inside the double-quoted value, the quotation takes the inner marks, which YAML reads as text.
    assert result.text == (
        text.replace("win» , he", "win», he")
        .replace("deal ; At", "deal; at")
        .replace("«we will win»", "'we will win'")
    )
    reports = [f for f in result.findings if f.rule == "source-quotes" and not f.applied]
    assert len(reports) == 3
    assert all(f.safety == "display" and "is the format's syntax here" in f.message for f in reports)
    assert yaml.safe_load(result.text.split("---\n")[1])["description"] == "The deal; at once"


FRONT_MATTER_PIECES = st.sampled_from(
    ["the", "At", " ", ",", ";", " ,", "«", "»", "‹", "›", '"', "'", "''", ": ", " #", "é", "l’Iran"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(FRONT_MATTER_PIECES, max_size=12).map("".join), st.sampled_from(["{}", "'{}'", '"{}"']))
@example("«the», the", "{}")
@example("the ‹the› the", "'{}'")
def test_cleaned_front_matter_stays_the_same_yaml_keys(value: str, style: str) -> None:
    import yaml

    text = f'---\ntitle: {style.format(value)}\nslug: a\n---\nThe minister said "no".\n'
    try:
        before = yaml.safe_load(text.split("---\n")[1])
    except yaml.YAMLError:
        return  # not YAML to begin with
    if not isinstance(before, dict):
        return
    after = yaml.safe_load(fixed(text).split("---\n")[1])
    assert isinstance(after, dict) and after.keys() == before.keys() and after["slug"] == "a"
    assert type(after["title"]) is type(before["title"])


def _markup(text: str) -> list[str]:
    return [text[start:end] for start, end in markdown.markup_spans(text)]


def test_prices_are_prose_and_math_is_kept() -> None:
    prices = "It rose from $5m , he said , to $6m in a year."
    assert clean(prices, format="markdown").text == "It rose from $5m, he said, to $6m in a year."
    math = "The formula $x , y$ holds , they said."
    assert clean(math, format="markdown").text == "The formula $x , y$ holds, they said."
