from __future__ import annotations

import pickle

from notelint.wordtable import WordTable


def test_lookup_and_pickle() -> None:
    table = WordTable([("interview", 3), ("inter", 2), ("a", 1), ("thank", 1), ("x\ty", 9)])
    assert table.get("interview") == 3
    assert table.get("inter") == 2  # a prefix of another word in the same bucket
    assert table.get("a") == 1
    assert table.get("interviews") is None
    assert table.get("int") is None
    assert table.get("x\ty") is None  # words with tabs or newlines are not stored
    assert "thank" in table and "thanks" not in table
    again = pickle.loads(pickle.dumps(table))
    assert again.get("interview") == 3 and again.get("nope") is None
