"""``thuvien fines``: list (JSON and text), pay, waive, block — and a late ``checkin`` fined."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.circulation import Circulation
from app.circulation.rules import LoanRule
from app.cli import main
from app.library import Library


@pytest.fixture
def db(tmp_path: Path) -> str:
    """Two students; An borrowed two books 20 days ago (due 6 days ago), books fine 500 đ/day."""
    path = tmp_path / "cli.sqlite3"
    with Library.open(path) as lib:
        lib.circulation.rules.set(LoanRule("*", "book", loan_days=14, fine_per_day=500))
        lib.circulation.calendar.set_closed_weekdays([])  # due dates stay where they fall
        lib.patrons.add("Nguyễn Văn An", class_name="6A", student_code="S1")
        lib.patrons.add("Trần Thị Bình", class_name="6B", student_code="S2")
        record = lib.catalog.add_record("Toán 6")
        for _ in range(3):
            lib.catalog.add_item(record)
        past = Circulation(lib.db, lib.settings,
                           clock=lambda: datetime.now(UTC) - timedelta(days=20))
        assert past.checkout("S1", "TK.00001").ok and past.checkout("S1", "TK.00002").ok
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code = main(list(argv))
    out = capsys.readouterr().out.strip().splitlines()
    return code, json.loads(out[-1]) if out else {}


def test_late_checkin_then_list_pay_and_waive(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--db", db, "checkin", "TK.00001", "--json")
    assert code == 0 and out["fine"]["amount"] == 3000  # type: ignore[index]
    assert "Quá hạn 6 ngày — phạt 3.000 đ." in str(out["message_vi"])
    assert run(capsys, "--db", db, "checkin", "TK.00002", "--json")[0] == 0

    code, out = run(capsys, "--db", db, "fines", "--patron", "S1", "--outstanding", "--json")
    assert code == 0 and out["outstanding_total"] == 6000 and out["outstanding_count"] == 2
    fines = out["fines"]
    assert isinstance(fines, list) and len(fines) == 2
    assert fines[0]["patron"]["card"] == "HS000001" and fines[0]["amount_text"] == "3.000 đ"
    assert fines[0]["days_late"] == 6 and fines[0]["per_day"] == 500
    assert run(capsys, "--db", db, "fines", "--patron", "S2", "--json")[1]["fines"] == []

    first, second = fines[0]["id"], fines[1]["id"]
    code, out = run(capsys, "--db", db, "fines", "pay", str(first), "--by", "Cô Hạnh", "--json")
    assert code == 0 and out["fine"]["status"] == "paid"  # type: ignore[index]
    assert out["fine"]["settled_by"] == "Cô Hạnh"  # type: ignore[index]
    assert main(["--db", db, "fines", "pay", str(first)]) == 2  # already paid
    assert "đã được xử lý" in capsys.readouterr().err
    assert main(["--db", db, "fines", "waive", str(second)]) == 2  # no reason
    assert "lý do" in capsys.readouterr().err
    assert main(["--db", db, "fines", "waive", str(second), "--reason", "Mồ côi"]) == 0
    assert "đã miễn" in capsys.readouterr().out

    assert main(["--db", db, "fines"]) == 0
    text = capsys.readouterr().out
    assert "quá hạn 6 ngày × 500 đ = 3.000 đ  [đã nộp]" in text
    assert "[đã miễn] — Mồ côi" in text and "Chưa nộp: 0 đ (0 khoản)." in text
    assert run(capsys, "--db", db, "fines", "--outstanding", "--json")[1]["fines"] == []


def test_block_setting(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "fines", "block"]) == 0
    assert "không chặn" in capsys.readouterr().out
    assert main(["--db", db, "checkin", "TK.00001"]) == 0
    assert main(["--db", db, "checkin", "TK.00002"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "fines", "block", "2000"]) == 0
    assert "2.000 đ" in capsys.readouterr().out
    code, out = run(capsys, "--db", db, "checkout", "S1", "TK.00003", "--json")
    assert code == 1 and out["code"] == "has_fines"
    assert main(["--db", db, "fines", "block", "-5"]) == 2
    assert main(["--db", db, "fines", "block", "abc"]) == 2
    assert run(capsys, "--db", db, "fines", "block", "0", "--json")[1] == {"block_at": 0}
    assert run(capsys, "--db", db, "checkout", "S1", "TK.00003", "--json")[0] == 0


def test_lost_book_charge_from_the_command_line(db: str, capsys: pytest.CaptureFixture[str]
                                                ) -> None:
    """``thuvien fines lost-charge 100`` then ``thuvien item lost``: the borrower owes the price;
    ``item found`` cancels it; a copy nobody has is refused for ``found`` with the reason."""
    with Library.open(db) as lib:
        record = lib.catalog.add_record("Tiếng Anh 6")
        lib.catalog.add_item(record, price=52000)  # TK.00004
        assert lib.circulation.checkout("S2", "TK.00004").ok
    assert main(["--db", db, "fines", "lost-charge"]) == 0
    assert "không thu" in capsys.readouterr().out.lower()
    assert main(["--db", db, "fines", "lost-charge", "900"]) == 2
    assert "0–500" in capsys.readouterr().err
    assert run(capsys, "--db", db, "fines", "lost-charge", "100", "--json")[1] == {
        "lost_charge_percent": 100}

    code, out = run(capsys, "--db", db, "item", "lost", "TK.00004", "--json")
    assert code == 0 and out["code"] == "marked_lost"
    assert out["fine"]["kind"] == "lost" and out["fine"]["amount"] == 52000  # type: ignore[index]
    assert "Tiền đền sách: 52.000 đ." in str(out["message_vi"])
    assert main(["--db", db, "fines", "--patron", "S2"]) == 0
    assert "đền sách mất: 52.000 đ  [chưa nộp]" in capsys.readouterr().out

    assert main(["--db", db, "item", "found", "TK.00004"]) == 0
    assert "Đã huỷ tiền đền 52.000 đ chưa nộp." in capsys.readouterr().out
    code, out = run(capsys, "--db", db, "fines", "--patron", "S2", "--json")
    assert out["outstanding_total"] == 0 and out["fines"][0]["status"] == "waived"  # type: ignore[index]
    assert main(["--db", db, "item", "found", "TK.00003"]) == 1  # on the shelf already
    assert "TK.00003" in capsys.readouterr().err
    assert main(["--db", db, "item", "damaged", "TK.00003"]) == 0
    assert "hỏng" in capsys.readouterr().out


def test_a_part_payment_from_the_command_line(db: str, capsys: pytest.CaptureFixture[str]
                                              ) -> None:
    """``fines pay ID 10.000`` takes a part; list/show say what is paid and still owed;
    paying more than is owed is refused with the reason; ``fines received`` counts the money
    on the day it came."""
    with Library.open(db) as lib:
        lib.circulation.fines.set_lost_charge_percent(100)
        lib.catalog.add_item(lib.catalog.add_record("Tiếng Việt 6"), price=25000)  # TK.00004
        assert lib.circulation.checkout("S2", "TK.00004").ok
        fine_id = lib.circulation.mark_lost("TK.00004").fine.id  # type: ignore[union-attr]
    assert main(["--db", db, "fines", "pay", str(fine_id), "10.000", "--by", "Cô Hạnh"]) == 0
    assert capsys.readouterr().out.strip() == (
        f"Khoản phạt #{fine_id} (25.000 đ): đã thu 10.000 đ — đã nộp 10.000 đ, còn nợ 15.000 đ.")
    assert main(["--db", db, "fines", "pay", str(fine_id), "20000"]) == 2
    err = capsys.readouterr().err
    assert "chỉ còn nợ 15.000 đ" in err and "20.000 đ" in err and "Traceback" not in err

    assert main(["--db", db, "fines", "--patron", "S2"]) == 0
    text = capsys.readouterr().out
    assert "đền sách mất: 25.000 đ  [chưa nộp] — đã nộp 10.000 đ, còn nợ 15.000 đ" in text
    assert "Chưa nộp: 15.000 đ (1 khoản)." in text
    code, out = run(capsys, "--db", db, "fines", "--patron", "S2", "--json")
    assert out["outstanding_total"] == 15000
    assert (out["fines"][0]["paid"], out["fines"][0]["owed"]) == (10000, 15000)  # type: ignore[index]

    assert main(["--db", db, "fines", "show", str(fine_id)]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown[1].endswith("đã thu 10.000 đ (Cô Hạnh)")
    assert shown[-1] == "Đã nộp: 10.000 đ. Còn nợ: 15.000 đ."

    assert main(["--db", db, "fines", "receipt"]) == 2  # whose?
    assert "--patron" in capsys.readouterr().err
    assert main(["--db", db, "fines", "receipt", "--patron", "S1"]) == 2
    assert "chưa nộp khoản nào" in capsys.readouterr().err
    pdf = Path(db).with_name("phieu-thu.pdf")
    assert main(["--db", db, "fines", "receipt", "--patron", "S2", "--pdf", str(pdf)]) == 0
    said = capsys.readouterr().out
    assert "Đã nộp: 10.000 đ. Còn nợ: 15.000 đ." in said and "phieu-thu.pdf" in said
    printed = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                             capture_output=True, text=True).stdout
    assert "PHIẾU THU TIỀN PHẠT, ĐỀN SÁCH" in printed and "Còn nợ: 15.000 đ" in printed
    assert "Tiếng Việt 6" in printed and "Người thu: Cô Hạnh" in printed

    assert main(["--db", db, "fines", "pay", str(fine_id)]) == 0  # the rest
    assert "đã nộp." in capsys.readouterr().out
    code, out = run(capsys, "--db", db, "fines", "show", str(fine_id), "--json")
    assert [p["amount"] for p in out["payments"]] == [10000, 15000]  # type: ignore[union-attr]
    assert out["fine"]["status"] == "paid"  # type: ignore[index]

    code, out = run(capsys, "--db", db, "fines", "received", "--json")
    assert code == 0 and out["total"] == 25000 and out["count"] == 2
    assert main(["--db", db, "fines", "received", "--to", "01/01/2020"]) == 0
    assert "Không thu khoản nào." in capsys.readouterr().out
    assert main(["--db", db, "fines", "received"]) == 0
    assert "Đã thu: 25.000 đ (2 lần nộp)." in capsys.readouterr().out


def test_absurd_amounts_are_refused_on_the_command_line(db: str,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    assert main(["--db", db, "fines", "block", "99.999.999.999"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == ("Mức nợ chặn mượn phải từ 0 đ đến 10.000.000 đ, không phải "
                           "99.999.999.999 đ")
    assert main(["--lang", "en", "--db", db, "fines", "block", "99999999999"]) == 2
    assert "The debt that blocks loans must be from 0 đ to 10.000.000 đ" in \
        capsys.readouterr().err
    assert main(["--lang", "vi", "--db", db, "fines", "block"]) == 0
    assert "không chặn" in capsys.readouterr().out  # nothing stored
    assert main(["--db", db, "checkin", "TK.00001"]) == 0  # fined 3.000 đ
    capsys.readouterr()
    fine_id = run(capsys, "--db", db, "fines", "--json")[1]["fines"][0]["id"]  # type: ignore[index]
    assert main(["--db", db, "fines", "pay", str(fine_id), "99.999.999.999"]) == 2
    assert "Số tiền nộp phải từ 0 đ đến 10.000.000 đ" in capsys.readouterr().err


def test_renewal_follows_the_fines_block(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "checkin", "TK.00001"]) == 0  # fined 3.000 đ
    assert main(["--db", db, "fines", "block", "2000"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "renew", "TK.00002"]) == 1
    err = capsys.readouterr().err
    assert "Không gia hạn được" in err and "còn nợ 3.000 đ" in err and "2.000 đ" in err
    code, out = run(capsys, "--db", db, "renew", "TK.00002", "--force", "--json")
    assert code == 0 and out["code"] == "renewed"
