"""The error a structured file that cannot be read raises.

>>> str(FormatError("not valid JSON: Expecting value (column 1)", line=3))
'line 3: not valid JSON: Expecting value (column 1)'
>>> str(FormatError("not valid JSON: Expecting value (column 1)", line=3).moved(100))
'line 103: not valid JSON: Expecting value (column 1)'
"""

from __future__ import annotations


class FormatError(ValueError):
    """A file whose structure cannot be read (a line of JSON Lines that is not JSON): the whole
    file is left as it was, and the message says where it went wrong: on ``line`` when one is
    given, which a file read in blocks moves to its place in the file (:meth:`moved`)."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason if line is None else f"line {line}: {reason}")
        self.reason = reason
        self.line = line

    def moved(self, lines: int) -> FormatError:
        """The same error in a text that has ``lines`` more lines before it."""
        return FormatError(self.reason, None if self.line is None else self.line + lines)
