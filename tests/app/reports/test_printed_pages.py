"""What a reader of the printed registers and reports notices on the paper, read back from the
PDF with poppler (pdftotext -bbox: every word with its box): nothing drawn over anything else,
however long the school's name."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from .conftest import School

LONG_NAME = "Thư viện Trường Trung học cơ sở Nguyễn Thị Minh Khai, huyện Hoằng Hoá, tỉnh Thanh Hoá"
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
    r"([^<]*)</word>"
)


def page_words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Each page's words with their boxes (points, origin top-left)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [
        [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in _WORD.findall(page)]
        for page in out.split("<page ")[1:]
    ]


def overlaps(words: list[tuple[float, float, float, float, str]]) -> list[tuple[str, str]]:
    """Pairs of words whose boxes cross (more than a hair: diacritics may touch)."""
    found = []
    for i, (x0, y0, x1, y1, w) in enumerate(words):
        for a0, b0, a1, b1, v in words[i + 1 :]:
            if min(x1, a1) - max(x0, a0) > 0.5 and min(y1, b1) - max(y0, b0) > 0.5:
                found.append((w, v))
    return found


def test_a_long_school_name_stays_clear_of_the_register_name(
    school: School, tmp_path: Path
) -> None:
    school.lib.settings.set("library_name", LONG_NAME)
    for kind in ("annual", "individual", "tally"):  # portrait and landscape
        report = (
            school.reports.report(kind)
            if kind != "annual"
            else school.reports.annual_report("2025-2026")
        )
        pdf = school.reports.write(report, tmp_path / f"{kind}.pdf")
        pages = page_words(pdf)
        for words in pages:
            assert overlaps(words) == [], kind
            heading = " ".join(w for x0, y0, x1, y1, w in words if y1 < 40)
            # every word of the name is printed, none cut with "…"
            assert all(part in heading.split() for part in LONG_NAME.split()), heading
            assert "Năm học 2025-2026" in heading


def test_six_digit_numbers_are_never_broken_inside_their_cell(tmp_path: Path) -> None:
    """A district library's register reaches line 123456 and a book of 1.250.000 đ: each
    number is read whole on one line (not "12345" over "6"), inside its own column."""
    from app.reports.individual import IndividualLine, individual_report
    from app.reports.service import Reports

    line = IndividualLine(
        123456,
        "VN.",
        "VN",
        "2025-09-02",
        "VN.123456",
        "Từ điển bách khoa Việt Nam",
        "Nhiều tác giả",
        "Hà Nội – Từ điển",
        2002,
        1250000.0,
        "030",
        12345,
        "",
        "available",
    )
    report = individual_report([line], {"VN": "Sách tiếng Việt"}, "Thư viện huyện", "2025-2026", "")
    pdf = tmp_path / "big.pdf"
    pdf.write_bytes(Reports.render(report, "pdf"))
    [words] = page_words(pdf)
    texts = [w for *_, w in words]
    assert "123456" in texts and "1.250.000" in texts and "12345" in texts
    assert overlaps(words) == []
