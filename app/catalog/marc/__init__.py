"""MARC21 in and out: the only package in ThuVien that imports pymarc.

- :mod:`.model` — :class:`Field` and :class:`MarcRecord`, and their compact JSON storage form.
- :mod:`.reader` — :func:`read_marc`: ISO 2709 / MARCXML / MARC-in-JSON, tolerant of broken files.
- :mod:`.extract` — :func:`extract` (key bibliographic fields), :func:`holdings` (952/852 items),
  :func:`build_record` (a correct MARC21 record from form fields).
- :mod:`.writer` — :func:`write_iso2709`, :func:`write_marcxml`.
"""

from typing import TYPE_CHECKING, Any

from app.catalog.marc.extract import BibData, ItemData, build_record, extract, holdings
from app.catalog.marc.model import Field, MarcRecord
from app.catalog.marc.reader import RecordProblem, read_marc

if TYPE_CHECKING:
    from app.catalog.marc.writer import write_iso2709, write_marcxml


def __getattr__(name: str) -> Any:
    """The writer's functions, imported when first asked for: the import's reading process
    does not write MARC, and the writer's XML module (with the URL modules it imports)
    cost it a few hundredths of a second to start."""
    if name in ("write_iso2709", "write_marcxml"):
        from app.catalog.marc import writer

        return getattr(writer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "BibData",
    "Field",
    "ItemData",
    "MarcRecord",
    "RecordProblem",
    "build_record",
    "extract",
    "holdings",
    "read_marc",
    "write_iso2709",
    "write_marcxml",
]
