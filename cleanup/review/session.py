"""The interactive review: each change shown in turn, and the reviewer's answer taken.

Answers come from a callable, so that keys typed on a terminal and lines piped in work alike:
``y`` accepts the change, ``n`` rejects it, ``a`` accepts it and every later change made by the
same rules, ``u`` undoes the last decision, ``q`` stops (what is not decided yet is rejected,
nothing decided is lost), ``?`` shows the help. The end of the answers stops as ``q`` does.

>>> from cleanup import clean
>>> from cleanup.review.hunks import split_changes
>>> changes = split_changes(clean("exploitation; At the same time , Russia"))
>>> shown = []
>>> outcome = review(changes, answers_from(["n", "y"]), shown.append)
>>> outcome.text, sorted(outcome.accepted), outcome.finished
('exploitation; At the same time, Russia', [2], True)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cleanup.review.hunks import Changes, Hunk, apply_hunks
from cleanup.review.worddiff import flag_view, header, hunk_view, lone_flags

PROMPT = "Apply this change [y,n,a,u,q,?]? "
HELP = """\
y - accept this change
n - reject this change
a - accept this change and every later one made by the same rules
u - undo the last decision
q - quit: the changes not decided yet are rejected, the decisions made are kept
? - print this help
"""

# Shows a prompt and returns the answer, or None when there are no more answers.
Ask = Callable[[str], str | None]


@dataclass(frozen=True, slots=True)
class Review:
    """What a review decided: the original with the accepted changes applied, their ids, and
    whether every change was decided (false when the reviewer quit early)."""

    text: str
    accepted: frozenset[int]
    finished: bool


def answers_from(lines: Iterable[str]) -> Ask:
    """An :data:`Ask` that gives the lines one by one, then ``None``; it ignores the prompt.

    >>> ask = answers_from(["y\\n"])
    >>> ask(PROMPT), ask(PROMPT)
    ('y\\n', None)
    """
    remaining = iter(lines)
    return lambda prompt: next(remaining, None)


def _same_rules(hunks: tuple[Hunk, ...], current: Hunk, undecided: Callable[[Hunk], bool]) -> list[int]:
    """The current hunk and the undecided later ones made by no rule but the current one's."""
    rules = set(current.rules)
    later = [h for h in hunks if h.start > current.start and undecided(h)]
    return [current.id, *(h.id for h in later if h.rules and rules >= set(h.rules))]


def review(
    changes: Changes,
    ask: Ask,
    show: Callable[[str], None],
    *,
    path: str = "",
    color: bool = False,
) -> Review:
    """Walk the changes in order, show each with ``show`` and decide it from ``ask``'s answers."""
    hunks = changes.hunks
    decisions: dict[int, bool] = {}
    steps: list[list[int]] = []
    show(header(path, changes, color=color) + "\n")
    for flag in lone_flags(changes):
        show(flag_view(changes, flag, color=color))
    position = 0
    finished = True
    while position < len(hunks):
        hunk = hunks[position]
        if hunk.id in decisions:
            position += 1
            continue
        show(f"({position + 1}/{len(hunks)}) " + hunk_view(changes, hunk, color=color))
        answer = ask(PROMPT)
        key = None if answer is None else answer.strip().lower()
        if key in (None, "q", "quit"):
            finished = False
            break
        if key in ("y", "yes", "n", "no", "a", "all"):
            if key in ("a", "all"):
                step = _same_rules(hunks, hunk, lambda h: h.id not in decisions)
            else:
                step = [hunk.id]
            for number in step:
                decisions[number] = key[0] != "n"
            steps.append(step)
        elif key in ("u", "undo"):
            if not steps:
                show("nothing to undo\n")
                continue
            undone = steps.pop()
            for number in undone:
                del decisions[number]
            position = min(n for n, h in enumerate(hunks) if h.id in undone)
        elif key in ("?", "h", "help"):
            show(HELP)
        else:
            show(f"unknown answer {answer.strip()!r}\n{HELP}")
    accepted = frozenset(number for number, yes in decisions.items() if yes)
    return Review(apply_hunks(changes.original, hunks, accepted), accepted, finished)
