"""Registers (sổ sách) and statistics a school or commune library hands in.

Qt-free. Each register is computed from the catalog, loans and usage tables (nothing is
stored): :mod:`~app.reports.individual` (sổ đăng ký cá biệt), :mod:`~app.reports.general`
(sổ đăng ký tổng quát, parts I–III), :mod:`~app.reports.textbook` (sổ đăng ký sách giáo
khoa), :mod:`~app.reports.loanbook` (sổ mượn, students' and staff's),
:mod:`~app.reports.statistics` (figures for a period), :mod:`~app.reports.tally` (phiếu
thống kê lượt đọc), :mod:`~app.reports.annual` (báo cáo năm học) and
:mod:`~app.reports.fines_received` (sổ thu tiền phạt). Each becomes a
:class:`~app.reports.table.Report`, written as PDF (:mod:`~app.reports.pdf`, through the
label drawing surface) or XLSX (:mod:`~app.reports.xlsx`). ``Library.reports`` is the entry
point; the CLI is ``thuvien register``, ``thuvien stats`` and ``thuvien report``.
"""

from app.reports.period import Period
from app.reports.service import Reports
from app.reports.table import Column, Report, Section

__all__ = ["Column", "Period", "Report", "Reports", "Section"]
