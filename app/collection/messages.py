"""What the stocktake and write-off functions say, by machine code (Vietnamese, English)."""

from __future__ import annotations

from app.i18n import Text

#: Answers to a stocktake scan (see :class:`app.collection.stocktake.ScanAnswer`).
SCAN: dict[str, Text] = {
    "found": Text("Có: {barcode} — {title}", "Present: {barcode} — {title}"),
    "already_found": Text("{barcode} đã kiểm rồi — chỉ tính một lần.",
                          "{barcode} was already scanned — it counts once."),
    "found_on_loan": Text(
        "Có: {barcode} — {title}, nhưng đang ghi cho mượn (hạn {due}): hãy nhận trả ở quầy.",
        "Present: {barcode} — {title}, but recorded as on loan (due {due}): check it in "
        "at the desk."),
    "unknown": Text("Không có bản sách nào mã “{code}”.", "No copy has the code “{code}”."),
    "patron_card": Text("“{code}” là thẻ bạn đọc của {name}, không phải mã sách — hãy quét mã "
                        "dán trên sách.",
                        "“{code}” is {name}'s library card, not a book — scan the code on the "
                        "book."),
    "bad_check_digit": Text("Mã “{code}” sai số kiểm tra (máy quét đọc nhầm?) — hãy quét lại.",
                            "“{code}” has a wrong check digit (misread?) — scan it again."),
    "out_of_scope": Text(
        "{barcode} thuộc kho {collection}, vị trí {location}: ngoài phạm vi lần kiểm kê này.",
        "{barcode} belongs to collection {collection}, location {location}: outside this "
        "stocktake."),
    "withdrawn": Text("{barcode} đã thanh lý — để riêng, không xếp lại lên giá.",
                      "{barcode} is written off — set it aside, not back on the shelf."),
    "recorded_lost": Text(
        "{barcode} đang ghi là mất: sách đã tìm thấy — sửa tình trạng (nhận trả ở quầy) "
        "rồi quét lại.",
        "{barcode} is recorded as lost: it has been found — correct its status (check it in "
        "at the desk), then scan it again."),
    "isbn_many": Text("ISBN {isbn} ứng với {count} bản sách: hãy quét số ĐKCB.",
                      "ISBN {isbn} matches {count} copies: scan the accession barcode."),
    "isbn_none": Text("ISBN {isbn}: không có bản sách nào trong phạm vi kiểm kê.",
                      "ISBN {isbn}: no copy within this stocktake."),
}

NO_STOCKTAKE = Text("Chưa có đợt kiểm kê nào đang mở: hãy bắt đầu kiểm kê trước.",
                    "No stocktake is open: start one first.")
ALREADY_OPEN = Text("Đợt kiểm kê bắt đầu ngày {day} vẫn đang mở: tiếp tục hoặc kết thúc nó "
                    "trước khi bắt đầu đợt mới.",
                    "The stocktake started on {day} is still open: continue or close it "
                    "before starting another.")
EMPTY_SCOPE = Text("Không có bản sách nào trong phạm vi đã chọn ({scope}).",
                   "No copy lies within the chosen scope ({scope}).")
BAD_ACTION = Text("Cách xử lý sách thiếu “{action}” không hợp lệ (lost hoặc leave).",
                  "“{action}” is not a way to handle missing copies (lost or leave).")
WHOLE_LIBRARY = Text("toàn thư viện", "whole library")

REASONS: dict[str, Text] = {
    "worn": Text("Rách nát, hư hỏng", "Worn out, damaged"),
    "outdated": Text("Lạc hậu nội dung", "Outdated"),
    "lost": Text("Mất", "Lost"),
    "other": Text("Lý do khác", "Other reason"),
}

#: Why a copy cannot go on a write-off record.
REFUSALS: dict[str, Text] = {
    "unknown": Text("Không có bản sách nào mã “{code}”.", "No copy has the code “{code}”."),
    "patron_card": Text("“{code}” là thẻ bạn đọc của {name}, không phải mã sách — hãy quét mã "
                        "dán trên sách.",
                        "“{code}” is {name}'s library card, not a book — scan the code on the "
                        "book."),
    "isbn_many": Text("ISBN {isbn} ứng với {count} bản sách: hãy quét số ĐKCB.",
                      "ISBN {isbn} matches {count} copies: scan the accession barcode."),
    "on_loan": Text("{barcode} đang cho mượn: nhận trả trước khi thanh lý.",
                    "{barcode} is on loan: check it in before writing it off."),
    "on_hold_shelf": Text("{barcode} đang giữ cho bạn đọc đặt trước: huỷ lượt giữ trước khi "
                          "thanh lý.",
                          "{barcode} is kept for a hold: release the hold before writing it "
                          "off."),
    "withdrawn": Text("{barcode} đã thanh lý rồi (biên bản {number}).",
                      "{barcode} is already written off (record {number})."),
    "listed_twice": Text("{barcode} có hai lần trong danh sách.",
                         "{barcode} is listed twice."),
}
REFUSED = Text("Không lập được biên bản: {reasons}", "The record was not made: {reasons}")
NO_COPIES = Text("Biên bản thanh lý cần ít nhất một bản sách.",
                 "A write-off record needs at least one copy.")
NO_NUMBER = Text("Hãy ghi số biên bản thanh lý.", "Give the write-off record's number.")
NUMBER_TAKEN = Text("Số biên bản {number} đã dùng cho biên bản ngày {day}.",
                    "The number {number} is already used by the record of {day}.")
BAD_REASON = Text("Lý do “{reason}” không hợp lệ (worn, outdated, lost, other).",
                  "“{reason}” is not a reason (worn, outdated, lost, other).")
FUTURE_DAY = Text("Ngày biên bản {day} còn ở tương lai.", "The record's date {day} is in the future.")
