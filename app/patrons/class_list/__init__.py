"""Importing class lists (CSV / XLSX) as schools keep them: find the header, map columns,
detect legacy font encodings per column, check each row, then write in one transaction."""

from app.patrons.class_list.importer import import_class_list
from app.patrons.class_list.result import ColumnInfo, ImportResult, RowResult

__all__ = ["ColumnInfo", "ImportResult", "RowResult", "import_class_list"]
