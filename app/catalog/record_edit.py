"""Editing a stored record through the record form without losing what the form does not
show.

The form shows a record's key values (title, authors, ISBNs, publication, class number,
subjects, series, notes). Saving rebuilds MARC fields from them; only the fields behind the
values the cataloguer changed are replaced. The others stay as catalogued: a name's dates
(100 $d), a title's statement of responsibility (245 $c), a 260 left a 260, subject
subdivisions and thesaurus (650 $v, ind2 0), the leader's type of record and the 008's codes
(an edited score stays a score in English, not a Vietnamese book).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.catalog.marc import MarcRecord
from app.catalog.models import RecordView

_AUTHORS = frozenset(("100", "110", "111", "700", "710", "711"))
_CLASS = frozenset(("082", "080", "084", "090"))


def _is_5xx(tag: str) -> bool:
    return tag[0] == "5" and tag[1:].isdigit()


def _is_6xx(tag: str) -> bool:
    return tag[0] == "6" and tag[1:].isdigit()


def _tags(*tags: str) -> Callable[[str], bool]:
    return frozenset(tags).__contains__


# Each form value (the names of BibData/RecordView attributes), and the fields it is read from
# (app.catalog.marc.extract) and written to (app.catalog.marc.build).
_GROUPS: tuple[tuple[tuple[str, ...], Callable[[str], bool]], ...] = (
    (("title", "responsibility"), _tags("245")),
    (("authors",), _AUTHORS.__contains__),
    (("isbns",), _tags("020")),
    (("language",), _tags("041")),
    (("classification",), _CLASS.__contains__),
    (("edition",), _tags("250")),
    (("publisher", "place", "year"), _tags("260", "264")),
    (("series", "volume"), _tags("490", "830")),
    (("notes",), _is_5xx),
    (("subjects",), _is_6xx),
)


def _changed(before: RecordView, after: Any, names: tuple[str, ...]) -> bool:
    return any((getattr(before, n) or None) != (getattr(after, n) or None) for n in names)


def merge_edit(stored: MarcRecord, rebuilt: MarcRecord, before: RecordView, after: Any
               ) -> MarcRecord:
    """The record *stored* with the fields of each value that changed from *before* (the
    record as the form showed it) to *after* (the form's BibData) taken from *rebuilt* (the
    record built from the form); its 005 is *rebuilt*'s, its 008 keeps its codes with the
    new year and language put in."""
    replaced: list[Callable[[str], bool]] = [_tags("005")]
    for names, tags in _GROUPS:
        if _changed(before, after, names):
            replaced.append(tags)
    if not stored.fields:  # nothing catalogued to keep
        return rebuilt
    kept = [f for f in stored.fields if not any(owns(f.tag) for owns in replaced)]
    new = [f for f in rebuilt.fields if any(owns(f.tag) for owns in replaced)]
    fixed = next((f for f in kept if f.tag == "008" and f.data), None)
    if fixed is None:
        new += rebuilt.get_fields("008")
    elif fixed.data is not None and len(fixed.data) >= 38:
        data = fixed.data
        if before.year != after.year and after.year is not None and 0 < after.year < 10000:
            data = data[:7] + f"{after.year:04d}" + data[11:]
        if before.language != after.language and after.language:
            data = data[:35] + f"{after.language:<3.3}" + data[38:]
        fixed.data = data
    fields = list(kept)
    for added in new:  # before the first kept field of a later tag: the record's own order
        at = next((i for i, f in enumerate(fields) if f.tag > added.tag), len(fields))
        fields.insert(at, added)
    return MarcRecord(stored.leader or rebuilt.leader, fields)
