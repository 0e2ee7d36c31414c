"""The letters each language writes, for telling a right reading of a code page from a wrong one.

A text read in the wrong code page has words whose letters no language writes together
(``Pøíliš``, ``Ïðèâåò``); read in the right one, every word fits one language's alphabet. The
table holds, for each language wordfreq lists in an alphabet that some single-byte code page can
carry, the letters (in the language's own script) of the words that make up at least one word
in 10,000 of its running text, at Zipf 3 or more in wordfreq's small list: what
:func:`letters_in_use` computes. Vietnamese is left out: no single-byte code page writes it with
whole letters, and its alphabet holds nearly every accented letter of Windows-1252, so any
misreading of one would look Vietnamese. Romanian is also written with the cedilla forms ş ţ,
as the code pages of the 1990s had no ș ț.

>>> "ř" in alphabet("cs") and "ř" not in alphabet("pl")
True
>>> "ş" in alphabet("ro"), "q" in alphabet("fr"), "a" in alphabet("ru")
(True, True, False)
"""

from __future__ import annotations

import unicodedata

# fmt: off
ALPHABETS = {
    "ar": "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюяѝ",
    "ca": "abcdefghijklmnopqrstuvwxyzàáçèéíïñòóúü",
    "cs": "abcdefghijklmnoprstuvwxyzáéíóúýčďěňřšťůž",
    "da": "abcdefghijklmnopqrstuvwxyzåæéø",
    "de": "abcdefghijklmnopqrstuvwxyzäöü",
    "el": "άέήίαβγδεζηθικλμνξοπρστυφχψωϊόύώ",
    "en": "abcdefghijklmnopqrstuvwxyz",
    "es": "abcdefghijklmnopqrstuvwxyzáéíñóúü",
    "fa": "ءآأؤئابتثجحخدذرزسشصضطظعغفقكلمنهوىيپچژکگی",
    "fi": "abcdefghijklmnopqrstuvwxyzäö",
    "fil": "abcdefghijklmnopqrstuvwxyz",
    "fr": "abcdefghijklmnopqrstuvwxyzàâçèéêëîïôùûœ",
    "he": "אבגדהוזחטיךכלםמןנסעףפץצקרשת",
    "hu": "abcdefghijklmnopqrstuvwxyzáéíóöúüőű",
    "id": "abcdefghijklmnopqrstuvwxyz",
    "is": "abcdefghijklmnopqrstuvwxyzáæéíðóöúýþ",
    "it": "abcdefghijklmnopqrstuvwxyzàèéìòù",
    "lt": "abcdefghijklmnoprstuvwxyząčėęįšūųž",
    "lv": "abcdefghijklmnoprstuvwxyzāčēģīķļņšūž",
    "mk": "абвгдежзиклмнопрстуфхцчшѐѓѕјљњќѝџ",
    "ms": "abcdefghijklmnopqrstuvwxyz",
    "nb": "abcdefghijklmnopqrstuvwxyzåæéø",
    "nl": "abcdefghijklmnopqrstuvwxyzèéëï",
    "pl": "abcdefghijklmnopqrstuvwxyzóąćęłńśźż",
    "pt": "abcdefghijklmnopqrstuvwxyzàáâãçéêíóôõú",
    "ro": "abcdefghijklmnopqrstuvwxyzâãîășț",
    "ru": "абвгдежзийклмнопрстуфхцчшщъыьэюяё",
    "sh": "abcdefghijklmnoprstuvwxyzćčđšž",
    "sk": "abcdefghijklmnopqrstuvwxyzáäéíóôúýčďĺľňŕšťž",
    "sl": "abcdefghijklmnopqrstuvwxyzčšž",
    "sv": "abcdefghijklmnopqrstuvwxyzäåéö",
    "tr": "abcdefghijklmnopqrstuvwxyzâçîöüğış",
    "uk": "абвгдежзийклмнопрстуфхцчшщыьэюяєії",
    "ur": "ءآؤئابتثجحخدذرزسشصضطظعغفقكلمنهوىيٹپچڈڑژکگںھہۂۃیے",
}
# fmt: on
_ALSO = {"ro": "şţ"}
_SHARE = 1e-4  # of the running text's words
_ZIPF = 3.0  # one word in a million


def alphabet(language: str) -> frozenset[str]:
    """The lowercase letters ``language`` writes."""
    return frozenset(ALPHABETS[language] + _ALSO.get(language, ""))


def script(letter: str) -> str:
    """The script a letter belongs to, as the first word of its Unicode name (``LATIN``, ``CYRILLIC``)."""
    return unicodedata.name(letter, "").partition(" ")[0]


def letters_in_use(language: str) -> str:
    """The letters of ``language``'s main script in the words of wordfreq's small list at Zipf 3
    or more that make up one word in 10,000 of its text, sorted: how :data:`ALPHABETS` was made."""
    from cleanup.lang.wordlists import bands  # only here: the word lists are large

    share: dict[str, float] = {}
    total = 0.0
    for zipf, words in bands(language, "small"):
        if zipf < _ZIPF:
            break
        frequency = 10**zipf
        total += frequency * len(words)
        for word in words:
            for letter in set(word):
                if letter.isalpha():
                    share[letter] = share.get(letter, 0.0) + frequency
    used = [letter for letter, amount in share.items() if amount >= _SHARE * total]
    scripts = [script(letter) for letter in used]
    main = max(sorted(set(scripts)), key=scripts.count)
    return "".join(sorted(letter for letter in used if script(letter) == main))
