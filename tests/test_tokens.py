"""Byte offsets of a text's UTF-8 turned into character offsets, as the first looks read them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleanup.passes.tokens import CharacterPositions, positions_of, utf8


@given(st.text(alphabet=st.sampled_from("ab é€😀\n\ud800"), max_size=9000), st.randoms())
def test_checkpointed_positions_count_characters_in_any_order(text: str, random) -> None:
    data = utf8(text)
    starts = [index for index, byte in enumerate(data) if not 0x80 <= byte < 0xC0] + [len(data)]
    expected = {byte: character for character, byte in enumerate(starts)}
    asked = random.sample(starts, len(starts))
    positions = positions_of(text)
    assert [positions.of(byte) for byte in asked] == [expected[byte] for byte in asked]
    incremental = CharacterPositions(text, data)
    assert [incremental.of(byte) for byte in starts] == [expected[byte] for byte in starts]


def test_a_checkpoint_inside_a_character_moves_to_its_first_byte() -> None:
    text = "a" + "€" * 3000 + "😀" * 2000 + "z"  # 4,096 and 8,192 fall inside characters
    positions = positions_of(text)
    data = utf8(text)
    assert positions.of(data.index(b"z")) == len(text) - 1
    assert positions.of(1 + 3 * 1365) == 1 + 1365  # the € around byte 4,096
    assert positions.of(1 + 3 * 3000 + 4 * 1000) == 1 + 3000 + 1000
