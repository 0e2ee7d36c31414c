"""cleanup: make machine-translated news text publishable.

>>> from cleanup import clean
>>> result = clean("al-Assad). , but held back; At the same time")
>>> result.text
'al-Assad), but held back; at the same time'
>>> [f.rule for f in result.findings]
['punctuation-cluster', 'semicolon-capital']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from cleanup.formats import format_named
from cleanup.lang.sources import LANGUAGES
from cleanup.model import Finding, GlossaryEntry, Rule, Safety
from cleanup.passes import Context
from cleanup.pipeline import run
from cleanup.result import Result
from cleanup.rules import ALL_RULES, select_rules

__all__ = ["ALL_RULES", "Finding", "GlossaryEntry", "Result", "Rule", "Safety", "clean"]
__version__ = "0.1.0"


def clean(
    text: str,
    *,
    unsafe: bool = False,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    allow: Iterable[str] = (),
    target: str = "en",
    sources: Iterable[str] | str = (),
    glossary: Iterable[GlossaryEntry] = (),
    house: Mapping[str, object] | None = None,
    format: str = "text",
    fields: Iterable[str] | None = None,
) -> Result:
    """Clean one text and say what changed.

    ``select`` and ``ignore`` take rule ids or family names (a list, or one string with names
    joined by commas); ``unsafe`` also
    applies the fixes that are only probably right; ``allow`` lists terms that
    are never reported as leftovers (names, titles a newsroom keeps; one string is one term), each
    found as whole words; ``target``
    is the language of the copy and ``sources`` the languages it was translated
    from (inferred from the leftovers when empty); ``glossary`` holds the
    newsroom's own leftovers and their translations; ``house`` overrides fields of
    the target's profile (:class:`cleanup.lang.profiles.Profile`) with the
    newsroom's house style; ``format`` is what the text is, ``"text"``,
    ``"markdown"``, ``"jsonl"``, ``"json"`` or ``"po"`` (:mod:`cleanup.formats`), and only its
    prose is cleaned: in JSON, the string values of ``fields`` (dotted for nested keys;
    default ``text``), in Markdown's front matter those of ``fields`` (default ``title``,
    ``subtitle``, ``description``, ``summary``, ``excerpt``).

    A value cleanup does not know is a ``ValueError`` that says what it takes:

    >>> clean("text", target="xx")
    Traceback (most recent call last):
    ...
    ValueError: unknown target 'xx': choose one of en, it, fr, es, de, pt
    >>> try:
    ...     clean("text", select="punctuaton")
    ... except ValueError as err:
    ...     print(err)
    unknown rule or family: 'punctuaton'; did you mean 'punctuation'? (see 'cleanup rules')
    >>> try:
    ...     clean("text", house={"dcimal": ","})
    ... except ValueError as err:
    ...     print(str(err)[:30])
    unknown style setting 'dcimal'

    >>> clean("Talks ; At once `code ; At`", format="markdown").text
    'Talks; at once `code ; At`'
    >>> clean('{"id": "a ; B", "body": {"text": "Talks ; At it"}}', format="json", fields=["body.text"]).text
    '{"id": "a ; B", "body": {"text": "Talks; at it"}}'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if isinstance(fields, str):
        fields = (fields,)
    if isinstance(allow, str):
        allow = (allow,)
    for name, given in (("select", select), ("ignore", ignore), ("allow", allow)):
        if given is not None and not isinstance(given, str) and not all(isinstance(x, str) for x in given):
            raise TypeError(f"{name} takes strings")
    if not isinstance(unsafe, bool):
        raise TypeError(f"unsafe takes True or False, not {unsafe!r}")
    if house is not None and not isinstance(house, Mapping):
        raise TypeError("house takes a mapping of style settings to values, such as {'decimal': ','}")
    glossary = tuple(glossary)
    if not all(isinstance(entry, GlossaryEntry) for entry in glossary):
        raise TypeError("glossary takes GlossaryEntry values (cleanup.GlossaryEntry)")
    named = select.split(",") if isinstance(select, str) else select
    if named is not None and not any(part.strip() for part in named):
        raise ValueError("select names no rule: give rule ids or families, or None for the defaults")
    form = format_named(format, None if fields is None else tuple(fields))
    if target not in LANGUAGES:
        raise ValueError(f"unknown target {target!r}: choose one of {', '.join(LANGUAGES)}")
    sources = tuple(sources.split(",") if isinstance(sources, str) else sources)
    for source in sources:
        if source not in LANGUAGES or source == target:
            others = ", ".join(language for language in LANGUAGES if language != target)
            raise ValueError(f"unknown source {source!r} for {target} copy: choose among {others}")
    overrides: tuple[tuple[str, object], ...] = ()
    if house:
        from cleanup.style import StyleError, parse_table  # read house styles only when given

        try:
            overrides = parse_table(dict(house), "house")
        except StyleError as err:
            raise ValueError(err.reason) from None
    context = Context(
        enabled=select_rules(select, ignore, target=target),
        allowed=frozenset(term.strip().lower() for term in allow if term.strip()),
        target=target,
        sources=sources,
        glossary=tuple(glossary),
        house=overrides,
    )
    return run(text, context, unsafe=unsafe, form=form)
