"""The in-memory MARC record: a leader and an ordered list of fields.

Kept deliberately small and fast to build (the reader creates tens of thousands per
second). All text is NFC. The storage form is compact JSON kept in ``records.marc``::

    ["00000nam a2200000 a 4500", "001VN123", ["245", "10", "a", "Tắt đèn /", "c", "Ngô Tất Tố."]]

that is: the leader, then per field the string ``tag + data`` (control fields) or the list
``[tag, ind1 + ind2, code, value, code, value, ...]`` (data fields).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import chain

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


@dataclass(slots=True)
class Field:
    """One MARC field: a control field (``data``) or a data field (indicators + subfields).

    >>> Field("245", None, "1", "0", [("a", "Tắt đèn /"), ("c", "Ngô Tất Tố.")]).value("c")
    'Ngô Tất Tố.'
    """

    tag: str
    data: str | None = None
    ind1: str = " "
    ind2: str = " "
    subfields: list[tuple[str, str]] = field(default_factory=list)

    @property
    def is_control(self) -> bool:
        """True for a control field (001-009), which has ``data`` and no subfields."""
        return self.data is not None

    def value(self, code: str) -> str | None:
        """The first subfield *code* of this field, or None."""
        for c, v in self.subfields:
            if c == code:
                return v
        return None

    def values(self, *codes: str) -> list[str]:
        """All subfields whose code is in *codes* (all subfields when none given), in order."""
        return [v for c, v in self.subfields if not codes or c in codes]

    def text(self, sep: str = " ") -> str:
        """The field's text: control data, or the subfield values joined by *sep*."""
        return self.data if self.data is not None else sep.join(v for _, v in self.subfields)


@dataclass(slots=True)
class MarcRecord:
    """A MARC21 record. ``fields`` keeps the order of the source record; ``offset`` is where
    a record read from a file began (its byte offset in ISO 2709, its index in MARCXML and
    MARC-in-JSON, as :class:`~app.catalog.marc.reader.RecordProblem` counts them), -1 for a
    record built in memory. It is not part of the record's value (equality ignores it).

    >>> r = MarcRecord("00000nam a2200000 a 4500", [Field("001", "X1"), Field("245", None, "0", "0", [("a", "Đất rừng phương Nam")])])
    >>> r.value("245", "a"), r.control("001")
    ('Đất rừng phương Nam', 'X1')
    """

    leader: str
    fields: list[Field] = field(default_factory=list)
    offset: int = field(default=-1, compare=False)
    #: The legacy Vietnamese encoding an ISO 2709 record's text was converted from
    #: (``"tcvn3"``, ``"vni"``, ``"cp1258"``: :mod:`app.catalog.marc.charset`), else ``""``.
    #: Not part of the record's value either.
    legacy_encoding: str = field(default="", compare=False)

    def get_fields(self, *tags: str) -> list[Field]:
        """The fields whose tag is one of *tags* (every field when none given), in record order."""
        if not tags:
            return list(self.fields)
        return [f for f in self.fields if f.tag in tags]

    def value(self, tag: str, code: str) -> str | None:
        """The first subfield *code* in the first field *tag* that has one, or None."""
        for f in self.fields:
            if f.tag == tag:
                for c, v in f.subfields:
                    if c == code:
                        return v
        return None

    def control(self, tag: str) -> str | None:
        """The data of the first control field *tag* (e.g. ``"001"``, ``"008"``), or None."""
        for f in self.fields:
            if f.tag == tag and f.data is not None:
                return f.data
        return None

    @property
    def record_type(self) -> str:
        """``"bibliographic"``, ``"authority"`` (leader/06 ``z``) or ``"holdings"`` (``u v x y``)."""
        kind = self.leader[6:7]
        if kind == "z":
            return "authority"
        if kind in ("u", "v", "x", "y"):
            return "holdings"
        return "bibliographic"

    def to_storage(self, skip: tuple[str, ...] = ()) -> str:
        """The compact JSON text stored in ``records.marc`` (non-ASCII kept as is), leaving
        out the fields whose tag is in *skip*.

        Text is written as it is: records from the reader and :func:`build_record` are NFC;
        code that edits fields by hand must put NFC text in them (``app.text.nfc``).

        >>> MarcRecord("00000nam a2200000 a 4500", [Field("001", "X")]).to_storage()
        '["00000nam a2200000 a 4500","001X"]'
        """
        out: list[object] = [self.leader]
        append = out.append
        for f in self.fields:
            if skip and f.tag in skip:
                continue
            if f.data is not None:
                append(f.tag + f.data)
            else:
                append([f.tag, f.ind1 + f.ind2, *chain.from_iterable(f.subfields)])
        return _ENCODER.encode(out)

    @classmethod
    def from_storage(cls, text: str) -> MarcRecord:
        """Rebuild a record from :meth:`to_storage` text.

        >>> r = MarcRecord("00000nam a2200000 a 4500", [Field("650", None, " ", "7", [("a", "Văn học")])])
        >>> MarcRecord.from_storage(r.to_storage()) == r
        True
        """
        rows = json.loads(text)
        fields: list[Field] = []
        for row in rows[1:]:
            if isinstance(row, str):
                fields.append(Field(row[:3], row[3:]))
            else:
                inds = row[1]
                fields.append(Field(row[0], None, inds[0], inds[1],
                                    list(zip(row[2::2], row[3::2], strict=True))))
        return cls(rows[0], fields)
