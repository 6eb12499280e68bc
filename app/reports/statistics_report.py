"""The statistics of a period (:mod:`app.reports.statistics`) as a printable report: one
table per figure, on one sheet."""

from __future__ import annotations

from app.circulation.clock import display_date
from app.circulation.rules import CATEGORY_NAMES, ITEM_TYPE_NAMES
from app.i18n import Text
from app.reports.signatures import FORM_MAKER, signers
from app.reports.statistics import Holding, LoanCount, Statistics
from app.reports.table import Cell, Column, Report, Section

TITLE = Text("THỐNG KÊ HOẠT ĐỘNG THƯ VIỆN", "LIBRARY STATISTICS")
HOLDINGS = Text("1. Vốn tài liệu đến ngày {end}, theo kho", "1. Collection on {end}, by collection")
BY_TYPE = Text("2. Vốn tài liệu đến ngày {end}, theo loại tài liệu",
               "2. Collection on {end}, by item type")
ACQUIRED = Text("3. Bổ sung trong kỳ", "3. Acquisitions in the period")
WRITTEN_OFF = Text("4. Thanh lý trong kỳ ({records} biên bản)",
                   "4. Write-offs in the period ({records} records)")
BY_CATEGORY = Text("5. Lượt mượn theo loại bạn đọc", "5. Loans by reader category")
BY_LOAN_TYPE = Text("6. Lượt mượn theo loại tài liệu", "6. Loans by item type")
BY_CLASS = Text("7. Lượt mượn theo lớp", "7. Loans by class")
READERS = Text("8. Bạn đọc, lượt đến và đọc tại chỗ; sách quá hạn cuối kỳ",
               "8. Readers, visits and in-library reading; overdue at the end")
COLLECTION = Text("Kho", "Collection")
ITEM_TYPE = Text("Loại tài liệu", "Item type")
TITLES = Text("Số tên sách", "Titles")
COPIES = Text("Số bản", "Copies")
VALUE = Text("Giá trị (đ)", "Value (đ)")
CATEGORY = Text("Loại bạn đọc", "Reader category")
CLASS = Text("Lớp", "Class")
LOANS = Text("Lượt mượn", "Loans")
BORROWERS = Text("Số bạn đọc mượn", "Readers who borrowed")
MEASURE = Text("Chỉ tiêu", "Measure")
AMOUNT = Text("Số lượng", "Number")
TOTAL = Text("Cộng", "Total")
NONE = Text("Không có.", "None.")
NO_CLASS = Text("(không có lớp)", "(no class)")
NO_CODE = Text("(không ghi kho)", "(no collection)")
UNKNOWN = Text("(không rõ)", "(unknown)")
WALK_IN = Text("khách không có thẻ", "walk-ins without a card")
ACTIVE = Text("Bạn đọc tích cực (có mượn hoặc đến thư viện)",
              "Active readers (borrowed or came in)")
VISITS = Text("Lượt đến thư viện", "Visits")
IN_LIBRARY = Text("Lượt đọc tại chỗ", "In-library readings")
OVERDUE = Text("Lượt mượn quá hạn cuối kỳ", "Loans overdue at the end")
OVERDUE_READERS = Text("Bạn đọc có sách quá hạn cuối kỳ", "Readers with overdue loans at the end")
SUB = "    – {name}"


def _name(table: dict[str, Text], key: str, empty: Text) -> str:
    if not key or key == "walk_in":  # visits counted at the desk for readers without a card
        return empty()
    text = table.get(key)
    return text() if text else key


def _holding_section(title: str, head: str, rows: list[Holding], total: Holding | None,
                     names: dict[str, str]) -> Section:
    columns = (Column(head, 180), Column(TITLES(), 80, "int"), Column(COPIES(), 80, "int"),
               Column(VALUE(), 110, "money"))
    body: list[tuple[Cell, ...]] = [(names.get(h.group, h.group) or NO_CODE(), h.titles,
                                     h.copies, h.value) for h in rows]
    foot: tuple[Cell, ...] | None = (TOTAL(), total.titles, total.copies, total.value) \
        if total and rows else None
    return Section(title, columns, body, foot, NONE(), sheet="TK")


def _loan_section(title: str, head: str, rows: list[LoanCount], total: LoanCount,
                  name: dict[str, str], empty: str) -> Section:
    columns = (Column(head, 180), Column(LOANS(), 90, "int"), Column(BORROWERS(), 110, "int"))
    body: list[tuple[Cell, ...]] = [(name.get(x.group, x.group) or empty, x.loans, x.readers)
                                    for x in rows]
    foot: tuple[Cell, ...] | None = (TOTAL(), total.loans, total.readers) if rows else None
    return Section(title, columns, body, foot, NONE(), sheet="TK")


def statistics_report(stats: Statistics, collection_labels: dict[str, str], library: str,
                      school_year: str, scope: str) -> Report:
    """The figures as a printable report (A4 portrait)."""
    end = display_date(stats.end)
    codes = {code: f"{code} — {label}" if label else code
             for code, label in collection_labels.items()}
    types = {k: v() for k, v in ITEM_TYPE_NAMES.items()}
    categories = {k: v() for k, v in CATEGORY_NAMES.items()}
    readers: list[tuple[Cell, ...]] = [(ACTIVE(), stats.active_readers)]
    readers += [(SUB.format(name=_name(CATEGORY_NAMES, k, WALK_IN)), n)
                for k, n in stats.active_by_category.items()]
    readers.append((VISITS(), stats.visits))
    readers += [(SUB.format(name=_name(CATEGORY_NAMES, k, WALK_IN)), n)
                for k, n in stats.visits_by_category.items()]
    readers.append((IN_LIBRARY(), stats.in_library))
    readers += [(SUB.format(name=_name(ITEM_TYPE_NAMES, k, UNKNOWN)), n)
                for k, n in stats.in_library_by_type.items()]
    readers += [(OVERDUE(), stats.overdue_loans), (OVERDUE_READERS(), stats.overdue_readers)]
    sections = [
        _holding_section(HOLDINGS(end=end), COLLECTION(), stats.collection_by_code,
                         stats.collection_total, codes),
        _holding_section(BY_TYPE(end=end), ITEM_TYPE(), stats.collection_by_type,
                         stats.collection_total, types),
        _holding_section(ACQUIRED(), COLLECTION(), stats.acquired_by_code, stats.acquired_total,
                         codes),
        _holding_section(WRITTEN_OFF(records=stats.write_off_records), COLLECTION(),
                         stats.written_off_by_code, stats.written_off_total, codes),
        _loan_section(BY_CATEGORY(), CATEGORY(), stats.loans_by_category, stats.loans_total,
                      categories, UNKNOWN()),
        _loan_section(BY_LOAN_TYPE(), ITEM_TYPE(), stats.loans_by_type, stats.loans_total,
                      types, UNKNOWN()),
        _loan_section(BY_CLASS(), CLASS(), stats.loans_by_class, stats.loans_total, {},
                      NO_CLASS()),
        Section(READERS(), (Column(MEASURE(), 330), Column(AMOUNT(), 110, "int")), readers,
                sheet="TK"),
    ]
    return Report("statistics", TITLE(), library, school_year, scope, False, sections,
                  signatures=signers(FORM_MAKER, head=True))
