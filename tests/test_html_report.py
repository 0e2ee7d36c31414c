"""The HTML review report: escaping, paging, the decisions it carries, and atomic pages."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from cleanup import clean
from cleanup.io import sha256_hex
from cleanup.render.html import HtmlReport
from cleanup.review.commands import apply_command
from tests.conftest import DEFAULT_SETTINGS, SEED
from tests.test_review_hunks import SEED_FIXES, by_hand

MALICIOUS = (
    '<script>window.pwned = 1; alert(1)</script> and </textarea><img src=x onerror="window.pwned=2">'
    " the market , said 'single' \"double\" Tom &amp; Jerry &lt;b&gt; non era possibile."
)
MALICIOUS_PATH = "</script><script>window.pwned=3</script>.txt"


class Page(HTMLParser):
    """The parts of a page the tests look at: the article text as shown (old text, not new),
    every tag with its attributes, and the contents of the script elements."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.shown: list[str] = []
        self._in_text = 0
        self._hidden = 0
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if self._in_text:
            self._in_text += 1
            self._hidden += self._hidden > 0 or tag in ("ins", "sup")
        elif dict(attrs).get("id") == "text":
            self._in_text = 1
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._in_text:
            self._in_text -= 1
            self._hidden = max(0, self._hidden - 1)
        self._in_script = self._in_script and tag != "script"

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        if self._in_text and not self._hidden:
            self.shown.append(data)


def page(folder, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


def test_a_malicious_article_is_shown_as_text(tmp_path) -> None:
    with HtmlReport(tmp_path, DEFAULT_SETTINGS) as report:
        report.add(MALICIOUS_PATH, "0" * 64, clean(MALICIOUS, select=["ALL"]))
    article = page(tmp_path, "articles/000001.html")
    parsed = Page(article)
    assert "".join(parsed.shown) == MALICIOUS, "the text reads exactly as the original"
    assert [tag for tag, _ in parsed.tags].count("script") == 2, "only the report's own scripts"
    assert not any(tag in ("img", "textarea", "iframe", "object") for tag, _ in parsed.tags)
    assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    assert "&lt;script&gt;window.pwned = 1" in article and "Tom &amp;amp; Jerry" in article
    data = json.loads(parsed.scripts[0])
    assert data["file"]["path"] == MALICIOUS_PATH and "</script" not in parsed.scripts[0]
    index = Page(page(tmp_path, "index.html"))
    assert [tag for tag, _ in index.tags].count("script") == 2
    assert any(a.get("href") == "articles/000001.html" for tag, a in index.tags if tag == "a")


def test_pages_load_nothing_and_allow_only_their_own_script(tmp_path) -> None:
    with HtmlReport(tmp_path, DEFAULT_SETTINGS) as report:
        report.add("seed.txt", "0" * 64, clean(SEED.read_text(encoding="utf-8")))
    for name in ("index.html", "articles/000001.html"):
        parsed = Page(page(tmp_path, name))
        policy = next(
            a["content"] for tag, a in parsed.tags if a.get("http-equiv") == "Content-Security-Policy"
        )
        script = parsed.scripts[1]
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"script-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy
        links = [a.get("href") or a.get("src") or "" for _, a in parsed.tags]
        assert not [link for link in links if re.match(r"[a-z]+:", link)], "no external or scheme links"


def test_an_article_page_highlights_each_change_in_place(tmp_path) -> None:
    original = SEED.read_text(encoding="utf-8")
    with HtmlReport(tmp_path, DEFAULT_SETTINGS) as report:
        report.add("seed.txt", sha256_hex(SEED.read_bytes()), clean(original))
    article = page(tmp_path, "articles/000001.html")
    parsed = Page(article)
    assert "".join(parsed.shown) == original
    hunks = [a for tag, a in parsed.tags if tag == "label" and "hunk" in (a.get("class") or "")]
    assert [a["id"] for a in hunks] == ["t1", "t2", "t3"]
    assert "stray-elided-article [safe]" in hunks[0]["title"]
    assert re.search(
        r'Republic \[<label class="hunk" id="t1"[^>]*><del>l’</del><sup>1</sup></label>Iran\]', article
    )
    assert re.search(
        r"exploitation; <label [^>]*><del>At</del><ins>at</ins><sup>3</sup></label> the same", article
    )
    boxes = [a for tag, a in parsed.tags if tag == "input" and a.get("type") == "checkbox"]
    assert [a["data-hunk"] for a in boxes] == ["1", "2", "3"]
    assert "An elided Italian or French article" in article, "the rule's explanation is beside it"


def test_the_page_carries_decisions_that_apply_reads(tmp_path) -> None:
    target = tmp_path / "seed.txt"
    target.write_bytes(SEED.read_bytes())
    with HtmlReport(tmp_path / "report", DEFAULT_SETTINGS) as report:
        report.add(str(target), sha256_hex(target.read_bytes()), clean(target.read_text(encoding="utf-8")))
    data = json.loads(Page(page(tmp_path / "report", "articles/000001.html")).scripts[0])
    record = data["file"]
    assert [h["accepted"] for h in record["hunks"]] == [False, False, False]
    for hunk in record["hunks"]:
        hunk["accepted"] = hunk["id"] == 2
    decisions = tmp_path / "decisions.json"
    decisions.write_text(json.dumps({"format": "cleanup-decisions", "version": 2, "files": [record]}))
    done = CliRunner().invoke(apply_command, ["--root", str(tmp_path), str(decisions)])
    assert done.exit_code == 0, done.stderr
    assert target.read_text(encoding="utf-8") == by_hand(SEED.read_text(encoding="utf-8"), [SEED_FIXES[1]])


def test_a_thousand_articles_are_paged(tmp_path) -> None:
    with HtmlReport(tmp_path, DEFAULT_SETTINGS) as report:
        for number in range(1000):
            text = f"Article {number}: the market , said; At the time.\n" * 20 if number % 2 else "Clean.\n"
            report.add(f"batch/{number:04d}.txt", "0" * 64, clean(text))
        report.add_error("batch/broken.txt", "binary file (contains NUL bytes)")
    indexes = {p.name for p in tmp_path.glob("index*.html")}
    assert indexes == {"index.html"} | {f"index-{n}.html" for n in range(2, 12)}
    assert len(list((tmp_path / "articles").glob("*.html"))) == 500, "unchanged articles need no page"
    assert max(p.stat().st_size for p in tmp_path.rglob("*.html")) < 200_000
    first = page(tmp_path, "index.html")
    assert first.count('<tr>\n<td class="num">') == 100
    assert "page 1 of 11" in first and 'href="index-2.html"' in first
    last = page(tmp_path, "index-11.html")
    assert "batch/broken.txt" in last and "error: binary file (contains NUL bytes)" in last
    totals = re.search(r"<tr><td>(\d+)</td>((?:<td class=\"num\">\d+</td>)+)</tr>", first)
    assert totals is not None
    assert totals.group(1) == "1001"
    assert re.findall(r"\d+", totals.group(2))[:5] == ["500", "500", "1", "20000", "0"]
    assert not list(tmp_path.rglob("*.tmp")), "pages are written whole, then renamed"


def test_per_page_must_be_positive(tmp_path) -> None:
    with pytest.raises(ValueError, match="per_page"):
        HtmlReport(tmp_path, DEFAULT_SETTINGS, per_page=0)
