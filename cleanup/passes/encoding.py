"""Encoding repairs through ftfy: mojibake, HTML entities, control characters.

ftfy runs only on the lines that can hold an encoding problem: a line of
ASCII and the typographic characters of edited copy (curly quotes, dashes,
ellipses, no-break spaces) cannot be mojibake, so it is never handed to
ftfy. ftfy is configured for publishable copy: it keeps curly quotes,
ligatures, full-width characters, line breaks and the Unicode normal form.

>>> from cleanup import clean
>>> clean("Khameneiâ€™s words").text
'Khamenei’s words'
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate

import ftfy
import regex
from ftfy import fixes
from ftfy.chardata import CONTROL_CHARS

from cleanup.lang.profiles import Profile
from cleanup.model import Example, Finding, Rule, Safety
from cleanup.passes.base import Context, Pass
from cleanup.passes.mojibake_signs import mojibake_signs
from cleanup.passes.tokens import utf8
from cleanup.passes.triggers import Trigger, shaped

MOJIBAKE = Rule(
    id="mojibake",
    family="encoding",
    safety="safe / display",
    summary="Text decoded with the wrong character set (UTF-8 read as Windows-1252, Latin-1 or MacRoman).",
    why=(
        "A CMS or feed round-trip that decodes UTF-8 bytes as a single-byte code page turns "
        "every accented letter and curly quote into two or three junk characters."
    ),
    examples=(
        Example("Khameneiâ€™s words", "Khamenei’s words"),
        Example("Le rÃ©gime a dit", "Le régime a dit"),
        Example("the Juve pro Gonzalo HiguaÃ3n.", "the Juve pro Gonzalo HiguaÃ3n."),
    ),
    fix_safety=(
        "Safe: ftfy only re-decodes a sequence when the result is far more plausible than the "
        "input, and its negative test cases (text that only looks like mojibake) stay unchanged. "
        "Mojibake that Unicode normalisation (NFKC) then folded, as some machine translation "
        "systems do ('Ã³' → 'Ã3', 'Ã¼' → 'Ã1 ⁄ 4'), is only reported with the letter it "
        "stood for: the bytes are lost, and the letter is not always the one the name had "
        "('HiguaÃ3n' reads 'Higuaón', the name is Higuaín). Two halves of a surrogate pair "
        "are joined into their character; half of one alone (a JSON escape of an emoji cut in "
        "two, '\\ud83d') is only reported: its other half is lost."
    ),
)

HTML_ENTITY = Rule(
    id="html-entity",
    family="encoding",
    safety="safe / display",
    summary="An HTML entity such as &amp; or &eacute; left in plain text.",
    why=(
        "Copy pasted out of a web page or a feed keeps the markup's escapes, which a reader "
        "sees literally once the text is published as plain text."
    ),
    examples=(
        Example("AT&amp;T and Nestl&eacute;", "AT&T and Nestlé"),
        Example("AT&amp;amp;amp;T", "AT&T"),
        Example("when Sané & amp; Co. are", "when Sané & Co. are"),
    ),
    fix_safety=(
        "Safe in plain text; an entity escaped again and again ('&amp;amp;amp;') is decoded to the "
        "end, and so is one that a tokenizer split with spaces ('& amp;', '& # 39 ;'): only the "
        "entities of markup's own characters (amp, quot, apos, lt, gt, nbsp) and numbered ones, "
        "which no prose writes. Skipped for the whole document when it contains HTML tags, "
        "where entities are meant to be there. An entity that decodes to '¿' inside a word "
        "(a CMS's lost apostrophe, 'Blair&#191;s') is only reported. Known false positive: copy "
        "that writes about HTML and quotes an entity as such ('the string &amp; is')."
    ),
)

CONTROL_CHARACTER = Rule(
    id="control-character",
    family="encoding",
    safety="safe / display",
    summary="Invisible control characters, terminal escapes and stray byte-order marks inside the text.",
    why=(
        "Conversions between systems leave characters that no reader can see but that break "
        "search, counting and layout."
    ),
    examples=(
        Example("the\x07 summit", "the summit"),
        Example("a \x1b[1;31mred\x1b[0m alert", "a red alert"),
    ),
    fix_safety=(
        "Safe: the characters removed have no meaning in prose. A terminal escape sequence (ESC [, "
        "parameters, a final character, as ECMA-48 defines it; or an operating system command, a "
        "window title or a link: ESC ] or U+009D, up to 1,000 printable characters, then BEL, ESC \\ "
        "or U+009C) is removed whole, never its ESC alone: no prose holds an ESC, so what follows one "
        "up to its end is the sequence; an ESC that begins no complete sequence is removed by itself. "
        "U+009D opens a command only before its number ('0;'), since it also ends mojibake read as "
        "Latin-1 ('Ã\\x9d' for 'Ý'). Tabs and line breaks are kept, and so is the byte-order mark "
        "that begins a file. A vertical tab, which word processors write for a manual line break, "
        "is only reported: removing it would glue two words."
    ),
)

RULES = (MOJIBAKE, HTML_ENTITY, CONTROL_CHARACTER)

# A line made only of plain ASCII and these characters (edited-copy typography) and free of HTML
# entities cannot hold anything ftfy would change. (The standard library's engine scans a plain
# character class several times faster than regex does.)
_TYPOGRAPHY = (
    "\u00a0\u00ab\u00bb\u2009\u202f\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u20ac\u00a3\u00b0"
)
_SUSPECT_CHAR = re.compile(f"[^\t\n\r\x20-\x7e{_TYPOGRAPHY}]")
# The same test for a whole text at C speed: delete every harmless ASCII byte from its UTF-8 form;
# what is left are the other characters, few in news, each checked against the typography.
_HARMLESS_ASCII = bytes([9, 10, 13, *range(0x20, 0x7F)])
_HARMLESS = frozenset(_TYPOGRAPHY)
_ENTITY = re.compile(r"&(?:#|[A-Za-z]+;)")
_LINE_END = re.compile(r"[\r\n]")
_LINE_START = regex.compile(r"(?r)[\r\n]")
_HTML_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")

_BLOCK = 1_024
_WORD_START = regex.compile(r"(?r)\S*")
_WORD_END = regex.compile(r"\S*")
_SPACES = re.compile(r"([ \t]+)")
# Some CMSs turned a curly apostrophe into '¿' before escaping it: decoding
# "Blair&#191;s" gives "Blair¿s", no better than before.
_LOST_APOSTROPHE = regex.compile(r"\p{L}¿\p{L}")
_LOST_APOSTROPHE_MESSAGE = "decodes to '¿' inside a word, probably a lost apostrophe: fix by hand"
# Word processors export a manual line break as a vertical tab: removing it
# would glue two words together.
_VERTICAL_TAB = "\x0b"
# Half of a surrogate pair with no other half beside it (a JSON escape of an emoji cut in two).
_LONE_SURROGATE = re.compile("[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]")
# ftfy's own steps that belong to each rule, to explain a finding.
_STEPS = {
    HTML_ENTITY.id: {"unescape_html"},
    CONTROL_CHARACTER.id: {"remove_control_chars", "remove_terminal_escapes"},
}
# An ampersand escaped again and again ("&amp;amp;amp;"): decoding one level a round, as ftfy's
# loop does, costs a pass over the line per level; the whole run is one "&" in one pass. (ftfy
# reads an entity of at most 24 characters after "&" or "&#".)
_ESCAPED_AMPERSANDS = re.compile(r"&(?:amp;|AMP;|#0{0,21}38;|#[xX]0{0,20}26;)+")
# A terminal's control sequence (ECMA-48 CSI): ESC [, parameter bytes, intermediate bytes, a
# final byte. The three ranges are disjoint, so the pattern never backtracks. Or an operating
# system command (OSC: a window title, a hyperlink's address): ESC ] or its 8-bit form U+009D, a
# string of printable characters, then BEL or the string terminator, ESC \ or its 8-bit form
# U+009C. Its string holds no C0 or C1 control, hence no introducer, so a search tried at each
# introducer reads each character once at most (possessive: no shorter string could end at a
# terminator). It is bounded (a title or an address fits), so that a stray ESC ] and the prose
# after it are not taken for one: an unterminated one is left to the removal of control
# characters, which takes its ESC alone. U+009D is also the last character of mojibake read as
# Latin-1 ("Ã\x9d" is "Ý", "â\x80\x9d" is "”") and U+009C that of "Ã\x9c" ("Ü"): an 8-bit
# introducer counts only before the number that opens every command ("0;title", "8;;address").
_OSC_LONGEST = 1_000
_OSC_END = r"(?:\x07|\x1b\\|\x9c)"
_TERMINAL_ESCAPE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    rf"|(?:\x1b\]|\x9d(?=[0-9]{{1,4}}(?:;|{_OSC_END})))[^\x00-\x1f\x7f-\x9f]{{0,{_OSC_LONGEST}}}+{_OSC_END}"
)
# ftfy settles real text in two or three rounds (an entity, then the mojibake or control character
# it held); a line still changing after this many is built to loop, one nesting level a round.
_MAX_ROUNDS = 4
_UNSETTLED_MESSAGE = (
    "encoding repairs do not settle here (escapes or entities nested in each other, each round "
    "of decoding making another): fix by hand"
)
# The steps that decode entities and remove control characters, as opposed to ftfy's decoding of
# mojibake (fix_c1_controls reads a C1 control as the Windows-1252 character it was).
_PLAIN_STEPS = frozenset({"unescape_html", "remove_terminal_escapes", "remove_control_chars"})
# An entity a tokenizer split with spaces ("Sané & amp; Co.", "& # 39 ;"): only markup's own
# characters, and numbered ones split inside ("# 39", "39 ;"), which no prose writes; "& not;" and
# "#1 & #2;" may be prose. The space is required: an entity written whole is ftfy's.
_SPACED_ENTITY = re.compile(
    r"&[ \t]*(?:amp|quot|apos|lt|gt|nbsp)[ \t]*;"
    r"|&[ \t]*#(?:[ \t]+(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6})[ \t]*|(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6})[ \t]+);"
)
# Mojibake of UTF-8 read as Latin-1, then folded by Unicode normalisation (NFKC) inside a word:
# "Ã³" (ó) became "Ã3", "Ã¼" (ü) became "Ã1⁄4", which some machine translation systems write
# "Ã1 ⁄ 4". ftfy cannot read it back: the byte is lost, and what it was is only a guess.
_FOLDED_MOJIBAKE = regex.compile(r"(?<=\p{L})Ã(?:(?:1[ \t]?⁄[ \t]?[24]|3[ \t]?⁄[ \t]?4)|[123](?=\p{L}))")
_FOLDED = {"1": "¹", "2": "²", "3": "³", "1⁄4": "¼", "1⁄2": "½", "3⁄4": "¾"}
_LETTERS_BEFORE = regex.compile(r"(?r)\p{L}{0,40}")
_LETTERS_AFTER = regex.compile(r"\p{L}{0,40}")
_SHOWN = 60  # characters of a repaired word quoted in a message, at each end
_LISTED = 8  # escapes or control characters named in a message


def unescape_html(text: str) -> str:
    """ftfy's HTML decoding, with a run of escaped ampersands decoded to the end in one pass.

    >>> unescape_html("AT&amp;amp;amp;T and Nestl&amp;eacute;")
    'AT&T and Nestlé'
    """
    return fixes.unescape_html(_ESCAPED_AMPERSANDS.sub("&", text))


def remove_terminal_escapes(text: str) -> str:
    """Terminal escape sequences removed whole: control sequences and operating system commands.

    >>> remove_terminal_escapes("\x1b[38;5;196mred\x1b[0m and \x1b[?25lhidden")
    'red and hidden'
    >>> remove_terminal_escapes("a \x1b]0;title\x07b, \x1b]8;;https://x.org\x1b\\\\link\x1b]8;;\x1b\\\\")
    'a b, link'
    """
    return _TERMINAL_ESCAPE.sub("", text)


Fixer = Callable[[str], str]
_FIXERS: dict[str, Fixer] = {
    "unescape_html": unescape_html,
    "remove_terminal_escapes": remove_terminal_escapes,
    "fix_c1_controls": fixes.fix_c1_controls,
    "fix_surrogates": fixes.fix_surrogates,
    "remove_control_chars": fixes.remove_control_chars,
}
# The steps run before ftfy decodes mojibake: entities, and terminal escapes, whose 8-bit forms
# (U+009D, U+009C) ftfy would otherwise read as Windows-1252 ("\x9c" as "œ").
_BEFORE_DECODING = frozenset({"unescape_html", "remove_terminal_escapes"})


class _Repairer:
    """ftfy's fixing loop, for the rules in force, over one line at a time, for at most
    ``_MAX_ROUNDS`` rounds.

    ftfy's own loop (``fix_and_explain``) runs its steps until the text stops changing, one pass
    over the text a round: text built to need a round per nesting level ("&#&#&#1;1;1;") would
    take time quadratic in its length. Each round runs ftfy's steps in ftfy's order but one: HTML
    entities, terminal escapes (before ftfy reads their 8-bit controls as mojibake), mojibake,
    then the others.
    """

    def __init__(self, ctx: Context, *, html_allowed: bool) -> None:
        wanted = {
            "unescape_html": html_allowed and ctx.wants(HTML_ENTITY.id),
            "fix_c1_controls": ctx.wants(CONTROL_CHARACTER.id) or ctx.wants(MOJIBAKE.id),
            "fix_surrogates": True,
            "remove_terminal_escapes": ctx.wants(CONTROL_CHARACTER.id),
            "remove_control_chars": ctx.wants(CONTROL_CHARACTER.id),
        }
        steps = [(name, fixer) for name, fixer in _FIXERS.items() if wanted[name]]
        self.first = [(name, fixer) for name, fixer in steps if name in _BEFORE_DECODING]
        self.then = [(name, fixer) for name, fixer in steps if name not in _BEFORE_DECODING]
        self.plain = tuple(fixer for name, fixer in steps if name in _PLAIN_STEPS)
        self.config = ftfy.TextFixerConfig(
            fix_encoding=ctx.wants(MOJIBAKE.id), fix_c1_controls=wanted["fix_c1_controls"]
        )

    def repair(self, line: str) -> tuple[str, list[tuple[str, str]], bool]:
        """The repaired line, the steps that changed it, and whether it settled."""
        steps: list[tuple[str, str]] = []
        text = line
        for _ in range(_MAX_ROUNDS):
            before = text
            text = self._run(self.first, text, steps)
            if self.config.fix_encoding:
                text, encoding_steps = ftfy.fix_encoding_and_explain(text, self.config)
                steps.extend(encoding_steps or ())
            text = self._run(self.then, text, steps)
            if text == before:
                return text, steps, True
        return text, steps, False

    @staticmethod
    def _run(fixers: list[tuple[str, Fixer]], text: str, steps: list[tuple[str, str]]) -> str:
        for name, fixer in fixers:
            fixed = fixer(text)
            if fixed != text:
                steps.append(("apply", name))
            text = fixed
        return text


def _rule_for(old: str, new: str, plain: tuple[Fixer, ...]) -> Rule:
    """Which rule a repaired word belongs to, from what it was and what it became: the entities
    decoded or the control characters removed (the ``plain`` steps in force), when they alone
    make ``new``; else mojibake."""
    text = old
    for _ in range(_MAX_ROUNDS):
        before = text
        for fixer in plain:
            text = fixer(text)
        if text == before:
            break
    if text != new:
        return MOJIBAKE
    return HTML_ENTITY if "&" in old and unescape_html(old) != old else CONTROL_CHARACTER


def _strip_controls(text: str) -> str:
    return fixes.remove_control_chars(remove_terminal_escapes(text))


def _doubt(old: str, fixed: str, new_start: int, new_end: int) -> str | None:
    """Why a repair should be left to a person, or ``None`` when it is certain."""
    if _LOST_APOSTROPHE.search(fixed, max(0, new_start - 1), new_end + 1):
        return _LOST_APOSTROPHE_MESSAGE
    if _VERTICAL_TAB in old:
        return "vertical tab inside the text, probably a manual line break: replace it by hand"
    return None


def _own_steps(
    repairer: _Repairer, old: str, new: str, line_steps: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The steps of ftfy that repair the word ``old`` into ``new`` by itself; those of its whole
    line where the word alone is repaired otherwise (ftfy reads the words around it too)."""
    fixed, steps, _ = repairer.repair(old)
    return steps if fixed == new else line_steps


def _message(rule: Rule, old: str, steps: list[tuple[str, str]]) -> str:
    """Say what the stretch was and which of ftfy's steps repaired it."""
    own = _STEPS.get(rule.id)
    taken = []
    for action, name in steps:
        if action != "apply":
            taken.append(f"{action} as {name}")
        elif (own is None and all(name not in names for names in _STEPS.values())) or (own and name in own):
            taken.append(name.replace("_", " "))
    how = f" (ftfy: {'; '.join(taken)})" if taken and rule is MOJIBAKE else ""
    if rule is HTML_ENTITY:
        also = ", control characters removed" if _strip_controls(old) != old else ""
        return f"HTML entities decoded{also} in {_shown(old)}"
    if rule is CONTROL_CHARACTER:
        escapes = _listed(repr(escape) for escape in _TERMINAL_ESCAPE.findall(old))
        codes = _listed(f"U+{ord(ch):04X}" for ch in remove_terminal_escapes(old) if not ch.isprintable())
        removed = [f"terminal escapes {escapes}"] if escapes else []
        removed += [f"invisible control characters {codes}"] if codes else []
        return f"removed: {'; '.join(removed)}"
    return f"{_shown(old)} was text decoded with the wrong character set{how}"


def _listed(items: Iterable[str]) -> str:
    """The first few of ``items``, comma-separated, and how many more there are.

    >>> _listed(["U+0007"] * 12)
    'U+0007, U+0007, U+0007, U+0007, U+0007, U+0007, U+0007, U+0007 and 4 more'
    """
    items = list(items)
    shown = ", ".join(items[:_LISTED])
    return f"{shown} and {len(items) - _LISTED} more" if len(items) > _LISTED else shown


def _unsettled(old: str, start: int) -> Finding:
    """A report, with no fix, on the stretch of a line whose repairs do not settle."""
    if "&" in old:
        rule = HTML_ENTITY
    elif _strip_controls(old) != old:
        rule = CONTROL_CHARACTER
    else:
        rule = MOJIBAKE
    return Finding(rule.id, _UNSETTLED_MESSAGE, start, start + len(old), None, Safety.DISPLAY)


def _shown(text: str) -> str:
    """``text`` quoted for a message, its middle left out when it is long.

    >>> _shown("&amp;" * 30)
    "'&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;…&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;'"
    """
    if len(text) <= 2 * _SHOWN + 1:
        return repr(text)
    return repr(text[:_SHOWN] + "…" + text[-_SHOWN:])


def _envelope(old: str, new: str) -> tuple[int, int, int]:
    """``(start, old_end, new_end)``: the texts are equal before ``start`` and after their ends.

    Compared a block at a time at C speed, then a character at a time in the block that differs.

    >>> _envelope("the caf&eacute; on the square", "the café on the square")
    (7, 15, 8)
    """
    limit = min(len(old), len(new))
    start = 0
    while start + _BLOCK <= limit and old[start : start + _BLOCK] == new[start : start + _BLOCK]:
        start += _BLOCK
    while start < limit and old[start] == new[start]:
        start += 1
    old_end, new_end = len(old), len(new)
    while min(old_end, new_end) - _BLOCK >= start and (
        old[old_end - _BLOCK : old_end] == new[new_end - _BLOCK : new_end]
    ):
        old_end -= _BLOCK
        new_end -= _BLOCK
    while old_end > start and new_end > start and old[old_end - 1] == new[new_end - 1]:
        old_end -= 1
        new_end -= 1
    return start, old_end, new_end


def _differing_stretches(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """``(old_start, old_end, new_start, new_end)`` of each stretch where the texts differ.

    Found in linear time (a character diff such as difflib's takes seconds on a line of 2,000
    characters when the same few repeat): between the first and the last difference, widened to
    whole words, the texts are split at spaces and tabs, the words are paired (:func:`_paired`),
    and each pair that differs is a stretch, less what its two sides share at either end.

    >>> _differing_stretches("caf&eacute; and Nestl&eacute;", "café and Nestlé")
    [(3, 11, 3, 4), (21, 29, 14, 15)]
    """
    start, old_end, new_end = _envelope(old, new)
    before = _WORD_START.search(old, 0, start)
    left = before.start() if before else start
    after = _WORD_END.match(old, old_end)
    grow = (after.end() if after else old_end) - old_end
    old_words = _SPACES.split(old[left : old_end + grow])
    new_words = _SPACES.split(new[left : new_end + grow])
    old_at = list(accumulate(map(len, old_words), initial=left))
    new_at = list(accumulate(map(len, new_words), initial=left))
    stretches = []
    for old_from, old_to, new_from, new_to in _paired(old_words, new_words):
        was = old[old_at[old_from] : old_at[old_to]]
        now = new[new_at[new_from] : new_at[new_to]]
        if was != now:
            differ, was_end, now_end = _envelope(was, now)
            stretches.append(
                (
                    old_at[old_from] + differ,
                    old_at[old_from] + was_end,
                    new_at[new_from] + differ,
                    new_at[new_from] + now_end,
                )
            )
    return stretches


def _paired(old: list[str], new: list[str]) -> Iterator[tuple[int, int, int, int]]:
    """Runs of words ``(old_from, old_to, new_from, new_to)`` that stand for each other, in order.

    Repairs seldom change the number of words, and then the words pair in order. When they do
    (ftfy reads "Ã s" as "às"), the words found once in each text and in the same order pair
    with each other (as in patience diff), the words between two of them pair in order when they
    are as many on both sides, and are one run when they are not.

    >>> list(_paired(["Ã", " ", "s", " ", "e", " ", "a"], ["às", " ", "e", " ", "o"]))
    [(0, 4, 0, 2), (4, 5, 2, 3), (5, 6, 3, 4), (6, 7, 4, 5)]
    """
    anchors = [] if len(old) == len(new) else _anchors(old, new)
    old_from = new_from = 0
    for old_to, new_to in [*anchors, (len(old), len(new))]:
        if old_to - old_from == new_to - new_from:
            for step in range(old_to - old_from):
                yield old_from + step, old_from + step + 1, new_from + step, new_from + step + 1
        else:
            yield old_from, old_to, new_from, new_to
        if old_to < len(old):
            yield old_to, old_to + 1, new_to, new_to + 1
        old_from, new_from = old_to + 1, new_to + 1


def _anchors(old: list[str], new: list[str]) -> list[tuple[int, int]]:
    """Where the words found once in each text stand in both, the longest run of them in the same
    order (a longest increasing subsequence, in n log n)."""
    old_counts, new_counts = Counter(old), Counter(new)
    in_new = {word: index for index, word in enumerate(new) if new_counts[word] == 1}
    pairs = [
        (index, in_new[word]) for index, word in enumerate(old) if old_counts[word] == 1 and word in in_new
    ]
    tails: list[int] = []  # the smallest last position in ``new`` of a run of each length
    ends: list[int] = []  # the pair that ends that run
    previous = [-1] * len(pairs)
    for at, (_, position) in enumerate(pairs):
        length = bisect_left(tails, position)
        if length == len(tails):
            tails.append(position)
            ends.append(at)
        else:
            tails[length] = position
            ends[length] = at
        previous[at] = ends[length - 1] if length else -1
    run = []
    at = ends[-1] if ends else -1
    while at != -1:
        run.append(pairs[at])
        at = previous[at]
    return run[::-1]


def _changed_words(old: str, new: str) -> Iterator[tuple[int, int, int, int]]:
    """The differing stretches widened to whole words, one per repaired word.

    Outside the stretches the texts are equal, so widening by the same number
    of characters on both sides keeps the two spans aligned.
    """
    merged: list[list[int]] = []
    for i1, i2, j1, j2 in _differing_stretches(old, new):
        left = _WORD_START.search(old, 0, i1)
        right = _WORD_END.match(old, i2)
        grow_left = i1 - (left.start() if left else i1)
        grow_right = (right.end() if right else i2) - i2
        widened = [i1 - grow_left, i2 + grow_right, j1 - grow_left, j2 + grow_right]
        if merged and widened[0] <= merged[-1][1]:
            merged[-1][1], merged[-1][3] = widened[1], widened[3]
        else:
            merged.append(widened)
    for i1, i2, j1, j2 in merged:
        yield i1, i2, j1, j2


def _suspect_lines(text: str, suspects: bool) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each line holding a suspect character (looked for only if the text
    has ``suspects``) or an HTML entity, in order."""
    searches = ([_SUSPECT_CHAR.search] if suspects else []) + ([_ENTITY.search] if "&" in text else [])
    upcoming = [search(text) for search in searches]
    while True:
        hits = [hit.start() for hit in upcoming if hit is not None]
        if not hits:
            return
        first = min(hits)
        before = _LINE_START.search(text, 0, first)
        after = _LINE_END.search(text, first)
        line_start = before.end() if before else 0
        line_end = after.start() if after else len(text)
        yield line_start, line_end
        upcoming = [
            search(text, line_end) if hit is not None and hit.start() < line_end else hit
            for search, hit in zip(searches, upcoming, strict=True)
        ]


def _suspects(text: str) -> bool:
    """Whether any character of ``text`` is outside the harmless ones."""
    rest = utf8(text).translate(None, _HARMLESS_ASCII)
    return bool(rest) and not _HARMLESS.issuperset(rest.decode("utf-8", "surrogatepass"))


def _spaced_entities(text: str) -> Iterator[Finding]:
    """Entities split by a tokenizer's spaces, decoded.

    >>> [(f.start, f.end, f.replacement) for f in _spaced_entities("R & amp; D, l& # 39 ;eau, &amp;")]
    [(2, 8, '&'), (13, 21, "'")]
    >>> list(_spaced_entities("They finished #1 & #2; the others, Tom & #1; ok, & # 7 ;"))
    []
    """
    for match in _SPACED_ENTITY.finditer(text):
        spaced = match.group()
        if " " in spaced or "\t" in spaced:
            decoded = unescape_html(spaced.replace(" ", "").replace("\t", ""))
            if decoded and (decoded.isprintable() or decoded == "\u00a0"):
                message = f"HTML entity split by spaces decoded: {spaced!r}"
                yield Finding(HTML_ENTITY.id, message, match.start(), match.end(), decoded)


def _folded_mojibake(text: str) -> Iterator[Finding]:
    """Mojibake that Unicode normalisation folded, reported with the letter it stood for.

    >>> [f.message for f in _folded_mojibake("Gonzalo HiguaÃ3n.")]
    ["'Ã3' in 'HiguaÃ3n': mojibake folded by Unicode normalisation, once 'Ã³' ('ó'); fix by hand"]
    """
    for match in _FOLDED_MOJIBAKE.finditer(text):
        folded = match.group()
        was = "Ã" + _FOLDED[folded[1:].replace(" ", "").replace("\t", "")]
        letter = was.encode("latin-1").decode("utf-8")
        start = _LETTERS_BEFORE.search(text, 0, match.start()).start()
        word = text[start : _LETTERS_AFTER.match(text, match.end()).end()]
        message = (
            f"{folded!r} in {word!r}: mojibake folded by Unicode normalisation, "
            f"once {was!r} ({letter!r}); fix by hand"
        )
        yield Finding(MOJIBAKE.id, message, match.start(), match.end(), None, Safety.DISPLAY)


def find(text: str, ctx: Context) -> Iterator[Finding]:
    """Run ftfy on each line that can hold an encoding problem; report mojibake it cannot read
    back, and decode entities split by spaces."""
    suspects = _suspects(text)
    if not suspects and "&" not in text:
        return
    html_allowed: bool | None = None  # looked for once, when needed
    if ctx.wants(HTML_ENTITY.id) and "&" in text:
        spaced = list(_spaced_entities(text))
        if spaced:
            html_allowed = _HTML_TAG.search(text) is None
            if html_allowed:
                yield from spaced
    if ctx.wants(MOJIBAKE.id) and "Ã" in text:
        yield from _folded_mojibake(text)
    repairer = None
    for line_start, line_end in _suspect_lines(text, suspects):
        if repairer is None:
            if html_allowed is None:
                html_allowed = _HTML_TAG.search(text) is None
            repairer = _Repairer(ctx, html_allowed=html_allowed)
        piece_start = line_start
        for lone in _LONE_SURROGATE.finditer(text, line_start, line_end):
            yield from _repairs(repairer, text, piece_start, lone.start())
            yield _half_a_pair(lone.group(), lone.start())
            piece_start = lone.end()
        yield from _repairs(repairer, text, piece_start, line_end)


def _repairs(repairer: _Repairer, text: str, line_start: int, line_end: int) -> Iterator[Finding]:
    """The repairs of ``text[line_start:line_end]``, a line or a piece of one, word by word."""
    line = text[line_start:line_end]
    fixed, steps, settled = repairer.repair(line)
    if fixed == line:
        return
    if not settled:
        start, end, _ = _envelope(line, fixed)
        yield _unsettled(line[start:end], line_start + start)
        return
    for old_start, old_end, new_start, new_end in _changed_words(line, fixed):
        old = line[old_start:old_end]
        rule = _rule_for(old, fixed[new_start:new_end], repairer.plain)
        doubtful = _doubt(old, fixed, new_start, new_end)
        yield Finding(
            rule=rule.id,
            message=doubtful
            or _message(rule, old, _own_steps(repairer, old, fixed[new_start:new_end], steps)),
            start=line_start + old_start,
            end=line_start + old_end,
            replacement=fixed[new_start:new_end],
            safety=Safety.DISPLAY if doubtful else Safety.SAFE,
        )


def _half_a_pair(surrogate: str, at: int) -> Finding:
    """A warning for half of a surrogate pair alone: nothing can restore the other half."""
    message = (
        f"U+{ord(surrogate):04X} is half of a character whose other half is lost (an emoji cut in two, "
        "as a JSON escape): restore the character or remove it by hand"
    )
    return Finding(MOJIBAKE.id, message, at, at + 1, None, Safety.DISPLAY)


def triggers(profile: Profile) -> tuple[Trigger, ...]:
    """What a line must hold for a step of :class:`_Repairer` to change it: an ampersand (an
    entity), a control character ftfy removes or an escape, a C1 control, half a surrogate pair, or
    what ftfy's badness heuristic needs to see mojibake (:mod:`cleanup.passes.mojibake_signs`); a
    line that no step changes yields no finding. ``Ã`` opens folded mojibake, ``Ã3``."""
    controls = [chr(code) for code in CONTROL_CHARS] + [
        chr(byte) for byte in range(0x80) if byte not in _HARMLESS_ASCII
    ]
    surrogates = [bytes([0xED, second]) for second in range(0xA0, 0xC0)]
    signs = sorted(mojibake_signs(_TYPOGRAPHY))
    return (Trigger((*shaped(("&", *controls, *signs)), *surrogates), tuple(rule.id for rule in RULES)),)


PASS = Pass(name="encoding", rules=RULES, find=find, local=True, repairs_characters=True, triggers=triggers)
