from __future__ import annotations

import pickle

from notelint.wordtable import TextTable, WordTable


def test_lookup_and_pickle() -> None:
    table = WordTable(
        [("interview", 3), ("inter", 2), ("in", 1), ("a", 1), ("thank", 1), ("x\ty", 9)]
    )
    assert table.get("interview") == 3
    assert table.get("inter") == 2  # a prefix of another word in the same bucket
    assert table.get("in") == 1  # the bucket's key itself
    assert table.get("a") == 1  # shorter than a key
    assert table.get("i") is None and table.get("ints") is None
    assert table.get("interviews") is None
    assert table.get("int") is None
    assert table.get("x\ty") is None  # words with tabs or newlines are not stored
    assert "thank" in table and "thanks" not in table
    again = pickle.loads(pickle.dumps(table))
    assert again.get("interview") == 3 and again.get("nope") is None


def test_text_table_maps_words_to_words() -> None:
    table = TextTable([("thanked", "thank"), ("thanks", "thank"), ("met", "meet"), ("a\tb", "c")])
    assert table.get("thanked") == "thank"
    assert table.get("met") == "meet"
    assert table.get("meet") is None
    assert table.get("meeting", "meeting") == "meeting"  # dict's default
    assert table.get("a\tb") is None  # not stored: it would cut its entry in two
    assert table.get("thanked\tthank\nthanks") is None  # nor found across two entries
    again = pickle.loads(pickle.dumps(table))
    assert again.get("thanks") == "thank"
