"""``Library.reports``: the registers and statistics of one library, as data, as printable
reports and as PDF or XLSX files.

    >>> lib.reports.write(lib.reports.report("individual"), Path("socabiet.pdf"))  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from app.catalog.accession import DEFAULT_SCHEMES
from app.circulation.clock import library_today
from app.circulation.service import Circulation
from app.db.connection import Database
from app.errors import ValidationError
from app.i18n import Text
from app.patrons.fields import current_school_year, normalize_school_year
from app.reports.annual import Annual, annual_figures, annual_report
from app.reports.fines_received import FinesReceived, fines_received, fines_received_report
from app.reports.general import GeneralRegister, general_register, general_report
from app.reports.individual import IndividualLine, individual_lines, individual_report
from app.reports.loanbook import READER_GROUPS, LoanLine, loan_lines, loan_report
from app.reports.period import Period
from app.reports.statistics import Statistics, statistics
from app.reports.statistics_report import statistics_report
from app.reports.table import Report
from app.reports.tally import Tally, reading_tally, tally_period, tally_report
from app.reports.textbook import TextbookPage, textbook_pages, textbook_report
from app.reports.writeoff_list import writeoff_list
from app.settings import Settings
from app.text import nfc

KINDS = ("individual", "general", "textbook", "statistics", "loans-students", "loans-staff",
         "loans-all", "tally", "annual", "fines")
LOAN_KINDS = {f"loans-{group}": group for group in READER_GROUPS}
DEFAULT_LIBRARY = Text("Thư viện", "Library")
COLLECTION = Text("Kho {code}", "Collection {code}")
BAD_KIND = Text("Không có sổ «{kind}».", "There is no register “{kind}”.")
BAD_YEAR = Text("Năm học “{value}” không hợp lệ (ví dụ 2025-2026).",
                "The school year “{value}” is not valid (e.g. 2025-2026).")
BAD_FORMAT = Text("Tệp {file}: chỉ ghi được .pdf hoặc .xlsx.",
                  "The file {file}: only .pdf or .xlsx can be written.")


class Reports:
    """Registers (individual, general, textbook) and statistics of one library."""

    def __init__(self, db: Database, settings: Settings,
                 today: Callable[[], date] = library_today) -> None:
        self._db = db
        self._settings = settings
        self._today = today

    # -- identity ---------------------------------------------------------------------------
    def library_name(self) -> str:
        """The name printed at the top of every page."""
        return nfc(str(self._settings.get("library_name") or DEFAULT_LIBRARY()))

    def school_year(self, period: Period | None = None) -> str:
        """The school year a report belongs to: the one its period ends in, else the
        library's current school year."""
        if period and period.end:
            return current_school_year(min(period.end, self._today()))
        return str(self._settings.get("school_year") or current_school_year(self._today()))

    def collection_labels(self) -> dict[str, str]:
        """Collection code → its name ("TK" → "Sách tham khảo"), from the accession schemes."""
        schemes = self._settings.get("accession_schemes", DEFAULT_SCHEMES) or {}
        return {str(code).upper(): str(entry.get("label", "")) for code, entry in schemes.items()
                if isinstance(entry, dict)}

    def collection_codes(self) -> list[str]:
        """The collection codes of the accession schemes and of the copies, sorted."""
        used = {str(r[0]).upper() for r in self._db.conn.execute(
            "SELECT DISTINCT collection FROM items WHERE deleted = 0 AND collection IS NOT NULL "
            "AND collection != ''")}
        return sorted(used | set(self.collection_labels()))

    def default_period(self) -> Period:
        """The current school year, up to today."""
        year = int(self.school_year()[:4])
        return Period(Period.school_year(year).start, self._today())

    # -- data -------------------------------------------------------------------------------
    def individual(self, collection: str | None = None,
                   period: Period | None = None) -> list[IndividualLine]:
        """Lines of the individual register (see :mod:`app.reports.individual`)."""
        return individual_lines(self._db.conn, collection, period)

    def general(self, collection: str | None = None,
                period: Period | None = None) -> GeneralRegister:
        """Parts I–III of the general register (see :mod:`app.reports.general`)."""
        return general_register(self._db.conn, collection, period, self._today())

    def textbook(self, collection: str | None = None,
                 period: Period | None = None) -> list[TextbookPage]:
        """Pages of the textbook register (see :mod:`app.reports.textbook`)."""
        return textbook_pages(self._db.conn, collection, period)

    def statistics(self, period: Period | None = None) -> Statistics:
        """The figures of *period* (default: this school year up to today)."""
        return statistics(self._db.conn, period or self.default_period(), self._today())

    def loans(self, group: str, period: Period | None = None) -> list[LoanLine]:
        """Lines of the loan book of *group* ("students", "staff", "all"; see
        :mod:`app.reports.loanbook`)."""
        return loan_lines(self._db.conn, group, period or Period(), self._today())

    def tally(self, period: Period | None = None) -> Tally:
        """The reading-room tally of *period* (default: this month up to today)."""
        return reading_tally(self._db.conn, period or Period(), self._today())

    def fines_received(self, period: Period | None = None) -> FinesReceived:
        """The money received for fines and the fines waived in *period* (default: all; see
        :mod:`app.reports.fines_received`)."""
        fines = Circulation(self._db, self._settings).fines
        return fines_received(fines, period or Period())

    def read_school_year(self, year: str | None) -> str:
        """*year* as "2025-2026" (the library's school year when None); a ValidationError
        for anything else."""
        if year is None or not year.strip():
            return self.school_year()
        text = normalize_school_year(year) or ""
        first, _, second = text.partition("-")
        if not (first.isdigit() and second.isdigit() and int(second) == int(first) + 1):
            raise ValidationError("reports.bad_year", BAD_YEAR, value=year)
        return text

    def annual(self, year: str | None = None) -> Annual:
        """The figures of school year *year* (default: the library's; see
        :mod:`app.reports.annual`)."""
        return annual_figures(self._db.conn, self.read_school_year(year), self._today())

    def annual_report(self, year: str | None = None) -> Report:
        """The annual report of school year *year*, ready to print."""
        made = annual_report(self.annual(year), self.collection_labels(), self.library_name())
        made.printed_on = self._today()
        return made

    # -- printable ---------------------------------------------------------------------------
    def scope(self, collection: str | None, period: Period | None) -> str:
        """What a report covers, in words."""
        parts = [COLLECTION(code=collection.strip().upper())] if collection else []
        if period and period.label():
            parts.append(period.label())
        return " · ".join(parts)

    def report(self, kind: str, collection: str | None = None,
               period: Period | None = None) -> Report:
        """The register or statistic *kind* (one of :data:`KINDS`) ready to print."""
        name, labels = self.library_name(), self.collection_labels()
        if kind == "annual":  # the school year the period starts in
            return self.annual_report(current_school_year(period.start)
                                      if period and period.start else None)
        if kind in LOAN_KINDS:
            period = period or Period()
            made = loan_report(self.loans(LOAN_KINDS[kind], period), LOAN_KINDS[kind], name,
                               self.school_year(period), period.label())
        elif kind == "tally":
            start, end = tally_period(period or Period(), self._today())
            made = tally_report(self.tally(period), name, self.school_year(Period(start, end)),
                                Period(start, end).label())
        elif kind == "fines":
            period = period or Period()
            made = fines_received_report(self.fines_received(period), name,
                                         self.school_year(period), period.label())
        elif kind == "statistics":
            period = period or self.default_period()
            stats = self.statistics(period)
            scope = Period(period.start, stats.end).label()
            made = statistics_report(stats, labels, name, self.school_year(period), scope)
        elif kind in KINDS:
            year, scope = self.school_year(period), self.scope(collection, period)
            if kind == "individual":
                made = individual_report(self.individual(collection, period), labels, name,
                                         year, scope)
            elif kind == "general":
                made = general_report(self.general(collection, period), name, year, scope)
            else:
                made = textbook_report(self.textbook(collection, period), name, year, scope)
        else:
            raise ValidationError("reports.bad_kind", BAD_KIND, kind=kind)
        made.printed_on = self._today()
        return made

    def writeoff_list(self, number: str | None = None, *, uuid: str | None = None) -> Report:
        """The list of copies of the write-off record *number* (the latest when None; the
        record *uuid* when given), with its count, value and signatures, ready to print; headed
        with the record's own school year."""
        made = writeoff_list(self._db.conn, number, self.library_name(), uuid)
        made.printed_on = self._today()
        return made

    @staticmethod
    def render(report: Report, fmt: str) -> bytes:
        """*report* as ``"pdf"`` or ``"xlsx"`` bytes."""
        if fmt == "pdf":
            from app.reports.pdf import report_pdf

            return report_pdf(report)
        from app.reports.xlsx import report_xlsx

        return report_xlsx(report)

    def write(self, report: Report, path: Path) -> Path:
        """Write *report* to *path*, as PDF or XLSX by the file's extension."""
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in ("pdf", "xlsx"):
            raise ValidationError("reports.bad_format", BAD_FORMAT, file=str(path))
        path.write_bytes(self.render(report, fmt))
        return path

    def to_dict(self, kind: str, collection: str | None = None,
                period: Period | None = None) -> Any:
        """The data of *kind* as JSON-ready values."""
        if kind == "individual":
            return [line.to_dict() for line in self.individual(collection, period)]
        if kind == "general":
            return self.general(collection, period).to_dict()
        if kind == "textbook":
            return [page.to_dict() for page in self.textbook(collection, period)]
        if kind in LOAN_KINDS:
            return [line.to_dict() for line in self.loans(LOAN_KINDS[kind], period)]
        if kind == "tally":
            return self.tally(period).to_dict()
        if kind == "fines":
            return self.fines_received(period).to_dict()
        if kind == "annual":
            return self.annual(current_school_year(period.start)
                               if period and period.start else None).to_dict()
        return self.statistics(period).to_dict()
