"""Given names and surnames from Faker's locales (cleanup.lang.personal_names)."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from collections import defaultdict

import faker.providers.person as person

from cleanup.lang.personal_names import given_names, surnames


def _locales_listing(attribute: str) -> dict[str, set[str]]:
    """Per name as Faker writes it, the locales (but the catch-all ``en``) listing it under ``attribute``."""
    found: defaultdict[str, set[str]] = defaultdict(set)
    for module in pkgutil.iter_modules(person.__path__):
        if module.name == "en":
            continue
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        for name in getattr(provider, attribute, None) or ():
            found[name].add(module.name)
    return found


def test_a_name_is_one_two_locales_list() -> None:
    listed = _locales_listing("last_names")
    twice = {name.lower() for name, where in listed.items() if len(where) >= 2 and name.isalpha()}
    once = {name.lower() for name, where in listed.items() if len(where) == 1} - twice
    assert {"gray", "kennedy", "silva"} <= surnames() <= twice
    assert not (surnames() & once)


def test_the_catch_all_list_and_what_is_no_plain_name_are_left_out() -> None:
    # Faker's "en" list of 7,000 given names holds words; the lists hold names of letters only,
    # three or more, one capital first ("DeShawn", "O'Neil" and "Al" are not).
    assert not {"ever", "page", "west"} & given_names()
    assert {"stuart", "janet", "thomas"} <= given_names()
    for name in given_names() | surnames():
        assert name.isalpha() and name.islower() and len(name) >= 3, name


def test_the_lists_are_read_from_the_disk_cache_without_faker() -> None:
    # Built once (conftest gives the session one cache folder), read back in a fresh process.
    given_names(), surnames()
    program = (
        "import sys; from cleanup.lang.personal_names import given_names, surnames; "
        "print(len(given_names()), len(surnames()), 'faker' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout
    assert out.split() == [str(len(given_names())), str(len(surnames())), "False"]
