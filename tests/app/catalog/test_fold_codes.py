"""The import folds its codes (accession numbers, control numbers, ISBNs) with
``store.fold_codes``, which must give exactly what ``app.text.fold`` gives, for any text, and
leave fold's cache of words alone for the codes it folds itself."""

from __future__ import annotations

import random
import unicodedata

from app import text
from app.catalog import store

_ALPHABET = ("aAbByYzZ09 _.-/:()[]'\"#\t\x1c\x1f\x00\x7f\u00a0ăĐđỹỸİß中\u0300\u0303"
             "quQUkyKYVN978604X")


def test_fold_codes_equals_fold() -> None:
    rng = random.Random(11)
    samples = ["TK.0000001A", "VN00000123 9786040079190 604007919X", "TN-00012/b", "KY.001",
               "ky", "QUY.2", "Đ.0001", "  a  b  ", "_", "...", "", "vn-bench 12_3"]
    samples += ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 14)))
                for _ in range(20000)]
    for value in samples:
        for form in (value, unicodedata.normalize("NFD", value)):
            assert store.fold_codes(form) == text.fold(form), repr(form)


def test_fold_codes_leaves_the_word_cache_alone() -> None:
    codes = "TK.0031415A VN00271828 9786049999990"
    store.fold_codes(codes)
    assert not any(piece in text._FOLDED for piece in codes.split())
