"""Given names and surnames, from the name lists of Faker's locales, kept on the disk cache.

Faker (a maintained library of test data) lists the given names and surnames of some ninety
locales, drawn from each country's registers. A name counts here when at least two locales list
it, leaving out Faker's catch-all ``en`` list (whose 7,000 given names hold words such as
``Ever``, ``Page`` and ``West``): ``Stuart`` and ``Janet`` are given names, ``Gray`` and
``Kennedy`` surnames, and no list holds ``Retail`` or ``Metrics``. Many names are words too
(``Grace``, ``Power``, ``Said``): a name here is evidence, not proof. Names are kept in lowercase, of
three letters or more, written in letters only with one capital first.

Faker is imported only to build the lists, once per machine (:mod:`cleanup.lang.diskcache`).

>>> "stuart" in given_names(), "gray" in surnames(), "retail" in given_names() | surnames()
(True, True, False)
>>> "ever" in given_names(), "street" in surnames()
(False, False)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import cache

from cleanup.lang import diskcache

_MIN_LOCALES = 2  # locales that must list a name
_CATCH_ALL = "en"  # Faker's locale of every English-speaking country's names, and more
_SHORTEST = 3  # letters: "Stuart", "José", "Kim"; not "Al"
_GIVEN = ("first_names", "first_names_male", "first_names_female")
_SURNAMES = ("last_names",)


def _listed(attributes: tuple[str, ...]) -> Iterator[str]:
    """The names that at least :data:`_MIN_LOCALES` of Faker's locales list under one of
    ``attributes``, in lowercase."""
    import importlib
    import pkgutil

    import faker.providers.person as person

    locales: defaultdict[str, set[str]] = defaultdict(set)
    for module in pkgutil.iter_modules(person.__path__):
        if module.name == _CATCH_ALL:
            continue
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        for attribute in attributes if provider is not None else ():
            names = getattr(provider, attribute, None)
            if isinstance(names, (tuple, list, dict)):  # a dict maps names to their weights
                for name in names:
                    locales[name].add(module.name)
    for name, where in locales.items():
        if len(where) >= _MIN_LOCALES and _plain(name):
            yield name.lower()


def _plain(name: str) -> bool:
    """Whether ``name`` is letters only, one capital first: not "DeShawn", "O'Neil", "Al"."""
    lowered = name.lower()  # "İbrahim" lowers to an "i" and a combining dot: no plain name
    return len(name) >= _SHORTEST and lowered.isalpha() and name[0].isupper() and name[1:] == lowered[1:]


@cache
def given_names() -> frozenset[str]:
    """Given names, in lowercase: ``stuart``, ``janet``, ``takashi`` if two locales list it."""
    return diskcache.word_set("given-names", lambda: _listed(_GIVEN))


@cache
def surnames() -> frozenset[str]:
    """Surnames, in lowercase: ``gray``, ``kennedy``, ``silva``."""
    return diskcache.word_set("surnames", lambda: _listed(_SURNAMES))
