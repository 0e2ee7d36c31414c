"""The error a structured file that cannot be read raises.

>>> str(FormatError("line 3: not valid JSON: Expecting value (column 1)"))
'line 3: not valid JSON: Expecting value (column 1)'
"""


class FormatError(ValueError):
    """A file whose structure cannot be read (a line of JSON Lines that is not JSON): the whole
    file is left as it was, and the message says where it went wrong."""
