"""The shared first look: one scan of a text's bytes tells which rules could find anything in it.

Most news holds no artefact, and most passes find nothing in most articles; yet each used to read
the whole text to learn it, with a first look of its own. Each pass now names, for its rules, the
short byte sequences without which a rule finds nothing (its *triggers*: a space before a mark,
an ampersand, two marks in a row). The text's UTF-8 is read in a *shape* where every ASCII
lowercase letter is ``a``, every capital ``A``, every digit ``0`` and a tab a space (other bytes
stay as they are), and one Aho-Corasick automaton (``ahocorasick-rs``, in Rust) finds every
trigger of the rules in force in one pass over it. A pass then runs with only the rules whose
triggers the text holds, and not at all when it holds none; a rule no trigger names always runs.

A trigger must be sound: wherever none of a rule's sequences stands in the shape, the rule finds
nothing, for every target language and house style, in the whole text and in any paragraph of
it. ``tests/test_triggers.py`` checks this on the corpora and on drawn texts, by cleaning with
and without the first look.

>>> look = Look([Trigger((b"  ",), ("repeated-spaces",)), Trigger((b"&",), ("html-entity",))],
...             frozenset({"repeated-spaces", "html-entity", "mojibake"}))
>>> sorted(look.live("a  b"))
['mojibake', 'repeated-spaces']
>>> sorted(look.live("a & b"))
['html-entity', 'mojibake']
>>> shaped("l'", ("A", "É", bytes([0xC3])))  # one choice per part, in the shape
(b"a'A", b"a'\\xc3\\x89", b"a'\\xc3")
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from itertools import product
from typing import NamedTuple

from ahocorasick_rs import BytesAhoCorasick, Implementation

from cleanup.lang.profiles import Profile, profile_for
from cleanup.offsets import merged
from cleanup.passes.tokens import utf8

# What the shape makes of a text's bytes: letters and digits one byte per class, a tab a space.
SHAPE = bytes.maketrans(
    (string.ascii_lowercase + string.ascii_uppercase + string.digits + "\t").encode("ascii"),
    ("a" * 26 + "A" * 26 + "0" * 10 + " ").encode("ascii"),
)
# Choices of the shape for a character class, as the first bytes (or the last) of its characters.
SPACES = ("", " ")  # none or one: a longer run holds two spaces, a trigger of every rule that reads runs
CAPITAL = ("A", *(bytes([lead]) for lead in range(0xC3, 0xF5)))  # opens a \p{Lu}
LOWERCASE = (  # opens a \p{Ll}: not E2 80, curly quotes, dashes and the ellipsis
    "a",
    *(bytes([lead]) for lead in (*range(0xC2, 0xE0), 0xE1, 0xEA, *range(0xF0, 0xF5))),
    *(bytes([0xE2, second]) for second in (*range(0x84, 0x87), *range(0xB0, 0xB8))),
    *(bytes([0xEF, second]) for second in range(0xAC, 0xBE)),
)
CONTINUATION = tuple(bytes([last]) for last in range(0x80, 0xC0))  # ends each character past ASCII
LETTER_END = ("a", "A", *CONTINUATION)  # ends a \p{L}


@cache
def other_digits() -> tuple[str, ...]:
    """The characters outside ASCII that Python reads as digits (``str.isdigit``, which holds for
    every ``\\d``): Arabic-Indic, Devanagari, fullwidth, superscript, circled … A rule that
    reads a digit has, besides the sequences with ``0``, each of these as a trigger: a text
    without them can only hold its digits in ASCII. (None lies past U+1FFFF.)"""
    return tuple(filter(str.isdigit, map(chr, range(0x80, 0x20000))))


_REMEMBERED = 1024  # sets of live rules kept for the sets of sequences found that made them
_REDUCED = 16  # automata kept for the sets of rules a long text has not made live yet
_BLOCK = 1 << 16  # bytes of a long text's shape read at a time, and the length of a long one


class Trigger(NamedTuple):
    """Sequences of bytes of the shape (:data:`SHAPE`), and the rules that can find something
    only in a text that holds one of them (with no sequences: rules that find nothing in the
    copy's language)."""

    sequences: tuple[bytes, ...]
    rules: tuple[str, ...]


# What a pass tells the first look: its triggers for the profile of the copy's language.
TriggersFunction = Callable[[Profile], Iterable[Trigger]]


def shaped(*parts: str | bytes | Iterable[str | bytes]) -> tuple[bytes, ...]:
    """Every sequence made of one choice per part (a part that is a string or bytes is one
    choice), in the shape: a string is taken in UTF-8."""
    choices = [[part] if isinstance(part, str | bytes) else list(part) for part in parts]
    encoded = [[c.encode("utf-8") if isinstance(c, str) else c for c in choice] for choice in choices]
    return tuple(b"".join(chosen).translate(SHAPE) for chosen in product(*encoded))


class Look:
    """The first look for a set of rules in force: the triggers that name any of them, in one
    automaton."""

    def __init__(self, triggers: Sequence[Trigger], rules: frozenset[str]) -> None:
        """The look for ``rules``, gated by those of ``triggers`` that name any of them; a rule no
        trigger names is always live."""
        kept = [trigger for trigger in triggers if rules.intersection(trigger.rules)]
        self.always = rules.difference(*(trigger.rules for trigger in kept))
        gated: dict[bytes, frozenset[str]] = {}
        for trigger in kept:
            for sequence in trigger.sequences:
                gated[sequence] = gated.get(sequence, frozenset()) | rules.intersection(trigger.rules)
        self._sequences = sorted(gated)
        self.longest = max(map(len, self._sequences), default=0)  # in bytes: as many characters at most
        self._rules = [gated[sequence] for sequence in self._sequences]
        self.reachable = frozenset().union(*self._rules)  # the rules a text can make live
        self._reduced: dict[frozenset[str], tuple[BytesAhoCorasick, list[frozenset[str]]]] = {}
        self._live: dict[frozenset[int], frozenset[str]] = {frozenset(): self.always}
        self._automaton = (
            BytesAhoCorasick(self._sequences, implementation=Implementation.DFA) if self._sequences else None
        )

    def live(self, text: str, known: frozenset[str] = frozenset()) -> frozenset[str]:
        """The rules that could find something in ``text``: those whose triggers it holds, and
        those no trigger names; with the rules ``known`` to be live already, those too."""
        if self._automaton is None or self.reachable <= known:
            return known | self.always
        return self._scan(utf8(text).translate(SHAPE), known)

    def live_around(self, text: str, spans: list[tuple[int, int]], known: frozenset[str]) -> frozenset[str]:
        """The rules live in ``text`` that were ``known`` live before edits made the ``spans`` of
        it: those, and the rules of the sequences within :attr:`longest` of a span. (A sequence the
        edits made holds a character they put there; the others stood in the text before.)"""
        if self._automaton is None or self.reachable <= known:
            return known | self.always
        margin = self.longest
        windows = merged([(max(0, start - margin), end + margin) for start, end in spans])
        # Joined by a byte no UTF-8 text holds, which no sequence holds either.
        shape = b"\xff".join(utf8(text[start:end]).translate(SHAPE) for start, end in windows)
        return self._scan(shape, known)

    def _scan(self, shape: bytes, known: frozenset[str]) -> frozenset[str]:
        """``known``, the rules no trigger names, and those of the sequences ``shape`` holds. A
        long shape is read a block at a time, each block looking only for the sequences of the
        rules not live yet, and no further than where every rule is: a text of marks or controls
        holds some trigger at every byte."""
        if len(shape) <= _BLOCK:
            # Overlapping, so that no sequence found hides another that shares its bytes.
            found = self._automaton.find_matches_as_indexes(shape, overlapping=True)
            return known | self._live_for(frozenset(index for index, _, _ in found))
        live = known | self.always
        for start in range(0, len(shape), _BLOCK):
            automaton, rules = self._looking_for(self.reachable - live)
            block = shape[start : start + _BLOCK + self.longest - 1]  # a sequence may cross its end
            found = {index for index, _, _ in automaton.find_matches_as_indexes(block, overlapping=True)}
            live = live.union(*(rules[index] for index in found))
            if self.reachable <= live:
                break
        return live

    def _looking_for(self, missing: frozenset[str]) -> tuple[BytesAhoCorasick, list[frozenset[str]]]:
        """An automaton of the sequences that name one of the ``missing`` rules, and their rules;
        made once for each set."""
        if missing == self.reachable:
            return self._automaton, self._rules
        made = self._reduced.get(missing)
        if made is None:
            if len(self._reduced) >= _REDUCED:
                self._reduced.clear()
            kept = [index for index, rules in enumerate(self._rules) if rules & missing]
            made = (
                BytesAhoCorasick([self._sequences[index] for index in kept]),
                [self._rules[i] for i in kept],
            )
            self._reduced[missing] = made
        return made

    def _live_for(self, indexes: frozenset[int]) -> frozenset[str]:
        """The rules live in a text holding the sequences of ``indexes``, made once for each set."""
        live = self._live.get(indexes)
        if live is None:
            if len(self._live) >= _REMEMBERED:
                self._live.clear()
            live = self._live[indexes] = self.always.union(*(self._rules[index] for index in indexes))
        return live


@lru_cache(maxsize=64)
def look_for(
    triggers: tuple[TriggersFunction, ...],
    rules: frozenset[str],
    target: str,
    house: tuple[tuple[str, object], ...],
) -> Look:
    """The first look of the passes whose ``triggers`` functions are given, for ``rules`` in force
    in copy of ``target`` with the ``house`` style; built once per process."""
    profile = profile_for(target, house)
    return Look([trigger for function in triggers for trigger in function(profile)], rules)
