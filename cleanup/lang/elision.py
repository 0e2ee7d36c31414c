"""Elided source-language articles that translation leaves glued to a name.

Keyed by language; each entry is the article as written before the
apostrophe, lowercase. Adding a language means adding a row.

>>> sorted(ELIDED_ARTICLES)
['fr', 'it']
"""

ELIDED_ARTICLES: dict[str, tuple[str, ...]] = {
    "it": ("l",),
    "fr": ("l",),
}

APOSTROPHES = "'’"
