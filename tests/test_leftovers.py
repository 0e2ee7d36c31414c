"""Source-language leftovers (preview rules): what is found, what English keeps."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cleanup import clean
from cleanup.cli import main

FAMILY = ["leftovers"]


def _found(text: str, **options: object) -> list[tuple[str, str]]:
    return [(f.rule, text[f.start : f.end]) for f in clean(text, select=FAMILY, **options).findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the minister said that non era possibile to meet", [("source-phrase", "non era possibile")]),
        ("a report in der Welt about it, mit Vergnügen und more", [("source-phrase", "mit Vergnügen und")]),
        ("the talks, que nos dijeron, ended", [("source-phrase", "que nos dijeron")]),
        ("funds nell’ambito of the plan", [("source-elision", "nell’ambito")]),
        ("he said qu'il would come", [("source-elision", "qu'il")]),
        ("the channel Россия 24 reported", [("foreign-script", "Россия")]),
    ],
)
def test_leftovers_are_found_with_their_span(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected
    assert clean(text, select=FAMILY).text == text


@pytest.mark.parametrize(
    "text",
    [
        "According to Corriere della Sera and La Repubblica, Le Monde, Der Spiegel and El País agree.",
        "Ursula von der Leyen met Leonardo da Vinci fans, Guillermo del Toro and Charles de Gaulle's heirs.",
        "From Los Angeles to El Salvador and La Paz, and Sant’Agata de’ Goti.",
        "L’Oréal, Real Madrid and Paris Saint-Germain; the d’Hondt method; Côte d’Ivoire; O'Brien.",
        "A de facto ban, per se, the status quo, a coup d'état and a coup-d'etat, c’est la vie.",
        "The UN's plan and All's well; rock 'n' roll; it's done.",
        "Prices rose 5 per cent in the euro zone while the pound fell.",
    ],
)
def test_what_english_keeps_is_not_reported(text: str) -> None:
    assert _found(text) == []


def test_preview_rules_run_only_when_selected() -> None:
    text = "the minister said that non era possibile to meet"
    assert clean(text).findings == ()


def test_allowed_terms_are_not_reported(tmp_path) -> None:
    text = "the minister said that non era possibile to meet"
    assert _found(text, allow=["Non era possibile"]) == []
    allow = tmp_path / "allow.txt"
    allow.write_text("# newsroom terms\nnon era possibile\n")
    path = tmp_path / "a.txt"
    path.write_text(text)
    runner = CliRunner()
    assert runner.invoke(main, ["check", "--select", "leftovers", str(path)]).exit_code == 1
    done = runner.invoke(main, ["check", "--select", "leftovers", "--allow", str(allow), str(path)])
    assert (done.exit_code, done.stdout) == (0, "")
