"""Two words glued together where a link or markup boundary stood: ``the ministersaid``,
``Reuters reportedNearly``, ``in 2023.The``.

Three shapes, found by one first look and decided word by word:

- a word glued to a frequent word after it (:mod:`cleanup.lang.glue`): ``ministersaid``,
  ``endedafter``, ``Romethe``;
- a lowercase letter followed by a capital inside a word: ``reportedNearly``, ``ofTexas``;
- a full stop glued to the capitalised word after it: ``2023.The``, ``dangerous.The``.

The package's modules, in the order a text meets them:

- :mod:`~cleanup.passes.conventions.glued.shape`, the first look: one automaton over a shape of the
  text's bytes finds the places, and the words of the language's small list among them are turned
  down from the bytes (clean English gives about 400 places a megabyte, three in four such words:
  ``rugby``, ``takeover``, ``breathe``);
- :mod:`~cleanup.passes.conventions.glued.decide`, the decisions, cheapest test first, reading the
  word lists (:mod:`~cleanup.passes.conventions.glued.lexicon`: wordfreq) and how the text uses its
  words (:mod:`~cleanup.passes.conventions.glued.uses`);
- this module: the rule, and the findings, with a later round told what changed deciding again only
  where that could change a decision.

>>> from cleanup import clean
>>> clean("the ministersaid on Monday", select=["glued-words"]).text
'the minister said on Monday'
>>> clean("a Palazzo Chigiafter the meeting", select=["glued-words"]).text  # a name: a suggestion
'a Palazzo Chigiafter the meeting'
>>> clean("a Palazzo Chigiafter the meeting", select=["glued-words"], unsafe=True).text
'a Palazzo Chigi after the meeting'
>>> clean("PlayStation, iPhone and YouTube", select=["glued-words"]).findings
()
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache, partial

from cleanup.lang.profiles import Profile
from cleanup.model import Example, Finding, Rule
from cleanup.passes.base import Context, Scope
from cleanup.passes.conventions.glued.decide import Decider, Split, asked, token_span
from cleanup.passes.conventions.glued.lexicon import vocabulary
from cleanup.passes.conventions.glued.shape import ENDING, FULL_STOP, STEP, candidates, first_look
from cleanup.passes.conventions.glued.uses import WORD, Uses

GLUED_WORDS = Rule(
    id="glued-words",
    family="conventions",
    safety="safe / unsafe",
    summary=(
        "Two words glued where a link or markup boundary stood (ministersaid, reportedNearly, "
        "2023.The) split with a space."
    ),
    why=(
        "Web pages set a link's text against the next word with markup and no space; once the "
        "page is turned into text and translated, the two words read as one token that no "
        "dictionary knows ('the ministersaid', 'Reuters reportedNearly', 'in 2023.The')."
    ),
    examples=(
        Example("the ministersaid on Monday", "the minister said on Monday"),
        Example("the talks endedafter midnight", "the talks ended after midnight"),
        Example("as Reuters reportedNearly half", "as Reuters reported Nearly half"),
        Example("in 2023.The vote", "in 2023. The vote"),
        Example("the Ministry of Defencesaid", "the Ministry of Defence said"),
        Example("said MrBewlay in NewYork", "said Mr Bewlay in New York"),
        Example("in italythe government fell", "in italy the government fell"),
        Example(
            "Thereafter, the Southampton and Andover talks", "Thereafter, the Southampton and Andover talks"
        ),
        Example(
            "#ItalyThe, iPhone, YouTube, McDonald's, eBay, CO2, 5kWh, www.bbc.co.uk",
            "#ItalyThe, iPhone, YouTube, McDonald's, eBay, CO2, 5kWh, www.bbc.co.uk",
        ),
    ),
    fix_safety=(
        "Safe where both parts are common lowercase words, or a common lowercase word and a capitalised one, "
        "and the language does not know the whole (wordfreq's large list): 'ministersaid', 'endedafter'; "
        "a capitalised word after a lowercase one, the shape of brands and of names in code ('inDrive', "
        "'forScore', 'easyHotel', 'readFile'), only where it is a function word or surely a name: a "
        "place, language, day, month or nationality (CLDR), a title, the first word of a name the next "
        "word goes on ('theUnited States'), or, if no everyday word, a name of Faker's lists or a "
        "word the text writes alone ('inLondon', 'atLabour'); where an honorific stands glued to a name "
        "('MrBewlay') or two capitalised words make a country, region or city CLDR names ('NewYork', "
        "'SouthAfrica'); and a full stop between a lowercase word or a number and a function word or an "
        "adverb that opens a sentence ('dangerous.The', '2023.The', 'dangerous.However'). A suggestion "
        "(unsafe) where a part is a name, known from the text (used on its own elsewhere, written with the "
        "space elsewhere, the last of two capitalised words before a word that ends few others: 'Martin "
        "Sorrellsaid', or after a given name before a word that ends few surnames: 'Quentin Tarantinoover') "
        "or from CLDR, or a capitalised common word in mid-sentence ('Romethe', 'Chigiafter', 'TonyBlair', "
        "'tsunami.Steve'); where a title stands before a name ('PresidentBush'), a given name (listed by two "
        "of Faker's locales) before a surname or a name no list holds ('StuartGray', 'ThomasStrobl'), or a "
        "capitalised word before a surname ('PhilCollins', 'ArseneWenger'); where a capitalised word stands "
        "before a word that ends names of institutions, streets and papers ('EllandRoad', 'SundayTimes') or "
        "after one that opens names ('WestMidlands', 'TheIncredibles'); where a common lowercase word stands "
        "before an acronym, the shape of products ('visionOS', 'watchOS'), or a short one before a "
        "capitalised word no list or the text shows as a name ('inDrive', 'onShape', 'andBeyond'); where two "
        "common words are capitalised and the text writes one of them, no everyday word, alone as a name "
        "('MorganStanley' beside 'Morgan'); or where the whole is a token the list holds but far rarer than "
        "its parts ('ofthe'). Never a word the text uses twice, a hashtag, a handle, a URL, an e-mail "
        "address, a code span, a word with digits (CO2, kWh), a brand written with an inner capital after one"
        " letter or a capitalised part (iPhone, eBay, PlayStation, McDonald's), an abbreviation or initials "
        "before a full stop (U.S.Army, Mr.Smith; an acronym of two capitals or more before one is read as any"
        " word: 'UK.It'), or part of a hyphenated or dotted word. On the 2,260 edited BBC and WMT English "
        "articles it finds 19 tokens: 13 errors of the source and six names, suggestions all: five written "
        "with an inner capital ('PowerPage', 'RetailMetrics', 'EverCrack', 'MiraLab', 'SalterBaxter') and a "
        "surname after a given name ('Julia Eccleshare')."
    ),
)

RULES = (GLUED_WORDS,)


def _in_scope(
    text: str,
    candidate: tuple[int, int, str],
    scope: Scope,
    replaced: set[str],
    changed: Callable[[], set[str]],
) -> bool:
    """Whether a later round must decide a candidate again: it stands in a paragraph the chain
    changed, or its decision could be another for what the changes took away or wrote elsewhere.

    A safe split (the only kind a later round without unsafe fixes keeps) rests on the place
    itself, the word lists, and two things of the whole text: whether the glued token occurs twice
    (:meth:`Uses.repeated`), and, for an inner capital after a short word, whether the word after
    it stands alone in mid-sentence (:meth:`Uses.used_alone`). Outside the changed paragraphs the
    place is as it was; the token's count can only have fallen where an occurrence was taken away,
    in the text the changes replaced (whose words are ``replaced``), and the word after an inner
    capital can only stand alone elsewhere now, or no more, where it is one of those words or of
    the changed paragraphs' (``changed``, read when first needed). A token that is none of these is
    decided as before, and it was not split. A full stop's safe split rests on no evidence of the
    whole text.
    """
    at, kind, word = candidate
    if scope.holds(at):
        return True
    if kind == FULL_STOP:
        return False
    start, end = token_span(text, at, kind, word)
    if text[start:end] in replaced:
        return True
    return kind == STEP and (text[at:end] in replaced or text[at:end] in changed())


def _words_in(text: str, spans: list[tuple[int, int]]) -> set[str]:
    """The words of ``text`` within ``spans``."""
    return {word for start, end in spans for word in WORD.findall(text, start, end)}


def _splits(text: str, language: str, scope: Scope | None = None) -> Iterator[Split]:
    look = first_look(language)
    found = candidates(text, look, language)
    if scope is not None:
        replaced = set(WORD.findall(scope.replaced))  # a token counted by repeated() is one of these
        changed = cache(partial(_words_in, text, scope.spans))
        found = [candidate for candidate in found if _in_scope(text, candidate, scope, replaced, changed)]
    if not found:
        return
    # Told what changed, only a few candidates are decided again: searching a long text for each
    # costs less than indexing it, up to a few dozen questions.
    searches = Uses.SEARCHES if scope is None else Uses.SCOPED_SEARCHES
    decider = Decider(text, language, look.words, searches, partial(asked, text, found, vocabulary(language)))
    for at, kind, word in found:
        if kind == ENDING:
            split = decider.ending(at, word)
        elif kind == STEP:
            split = decider.step(at)
        else:
            split = decider.full_stop(at)
        if split is not None:
            yield split


def find(text: str, ctx: Context, profile: Profile, scope: Scope | None = None) -> Iterator[Finding]:
    """Tokens made of two words glued together, with the space between them; with a ``scope``
    (a later round without unsafe fixes), only those the chain's changes could have made splits."""
    if not ctx.wants(GLUED_WORDS.id):
        return
    done = -1
    for split in _splits(text, profile.language, scope):
        if split.start < done:
            continue
        done = split.end
        yield Finding(
            rule=GLUED_WORDS.id,
            message=split.message,
            start=split.start,
            end=split.end,
            replacement=split.replacement,
            safety=split.safety,
        )
