"""Whether to colour what is printed: ``--color always`` or ``never`` as asked; with ``auto`` (the
default), never when ``NO_COLOR`` is set to anything, always when ``FORCE_COLOR`` is (but ``0``),
else on a terminal only (https://no-color.org).

>>> import io
>>> wants_color("always", io.StringIO()), wants_color("auto", io.StringIO())
(True, False)
"""

from __future__ import annotations

import os
from typing import TextIO

COLOR_CHOICES = ("auto", "always", "never")


def wants_color(choice: str, stream: TextIO) -> bool:
    """Whether output to ``stream`` is coloured, for ``--color choice``."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "0") != "0":
        return True
    return stream.isatty()
