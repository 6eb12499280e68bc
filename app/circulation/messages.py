"""Every message the circulation desk can show, by machine code (Vietnamese, English)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.i18n import Text


@dataclass(frozen=True)
class Phrase:
    """A piece of a message kept translatable (" Quá hạn 5 ngày." / " 5 day(s) late."), so a
    result's message reads right in either language (``DeskResult.message_in``)."""

    text: Text
    params: dict[str, Any] = field(default_factory=dict)

    def in_language(self, lang: str) -> str:
        """The phrase in *lang* ("vi" or "en")."""
        return (self.text.en if lang == "en" else self.text.vi).format(**self.params)

    def __str__(self) -> str:
        return self.text(**self.params)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

MESSAGES: dict[str, Text] = {
    # refusals
    "unknown_code": Text(
        "Không nhận ra mã “{code}”: không phải thẻ bạn đọc, số ĐKCB hay ISBN của thư viện.",
        "Unknown code “{code}”: not a library card, accession number or ISBN of this library."),
    "bad_check_digit": Text(
        "Mã “{code}” sai số kiểm tra (có thể máy quét đọc nhầm) — hãy quét lại.",
        "“{code}” has a wrong check digit (probably misread) — scan it again."),
    "no_patron": Text(
        "Chưa chọn bạn đọc: hãy quét thẻ bạn đọc trước khi quét sách.",
        "No patron selected: scan a library card before scanning items."),
    "patron_blocked": Text(
        "Bạn đọc {name} đang bị khoá thẻ, không được mượn.",
        "{name}'s card is blocked; they may not borrow."),
    "patron_inactive": Text(
        "Bạn đọc {name} đã ra trường hoặc chuyển đi, không được mượn.",
        "{name} has left or graduated and may not borrow."),
    "card_expired": Text(
        "THẺ HẾT HẠN: thẻ của {name} chỉ có giá trị đến {until} — gia hạn thẻ để mượn.",
        "CARD EXPIRED: {name}'s card was valid until {until} — renew the card to borrow."),
    "over_limit": Text(
        "{name} đã mượn đủ {max} tài liệu loại “{item_type}” — không mượn thêm được.",
        "{name} already has {max} items of type “{item_type}” — the limit."),
    "has_overdue": Text(
        "{name} có {count} tài liệu quá hạn — cần trả trước khi mượn thêm.",
        "{name} has {count} overdue item(s) to return before borrowing more."),
    "on_hold_for_other": Text(
        "“{title}” ({barcode}) đang được giữ cho {holder} đến {until}.",
        "“{title}” ({barcode}) is being kept for {holder} until {until}."),
    "reference_only": Text(
        "“{title}” ({barcode}) là tài liệu chỉ đọc tại chỗ, không cho mượn về.",
        "“{title}” ({barcode}) is for reading in the library only."),
    "withdrawn_not_read": Text(
        "“{title}” ({barcode}) đã thanh lý — không tính lượt đọc. Để riêng, không đưa lại "
        "lên giá.",
        "“{title}” ({barcode}) was written off — not counted as read. Set it aside; do not "
        "shelve it."),
    "item_unavailable": Text(
        "“{title}” ({barcode}) đang ở trạng thái “{status}”, không cho mượn.",
        "“{title}” ({barcode}) is marked “{status}” and cannot be lent."),
    "already_on_loan": Text(
        "{name} đang mượn “{title}” ({barcode}), hạn trả {due}. Gia hạn?",
        "{name} already has “{title}” ({barcode}), due {due}. Renew it?"),
    "on_loan_to_other": Text(
        "“{title}” ({barcode}) đang được {holder} mượn — hãy nhận trả trước.",
        "“{title}” ({barcode}) is on loan to {holder} — check it in first."),
    "not_on_loan": Text(
        "“{title}” ({barcode}) không có ai mượn.",
        "“{title}” ({barcode}) is not on loan."),
    "isbn_ambiguous": Text(
        "ISBN {isbn} là mã chung của {count} bản sách — hãy quét số ĐKCB dán trên bản sách.",
        "ISBN {isbn} is shared by {count} copies — scan the accession number on the copy."),
    "isbn_no_copy": Text(
        "ISBN {isbn} (“{title}”) chưa có bản sách nào trong kho.",
        "ISBN {isbn} (“{title}”) has no copies in the library."),
    "renew_no_change": Text(
        "“{title}” ({barcode}) vẫn hạn trả {due}: gia hạn hôm nay không thêm ngày nào, "
        "chưa tính lần gia hạn.",
        "“{title}” ({barcode}) is due {due} already: renewing today adds no day, and no "
        "renewal is used."),
    "renew_limit": Text(
        "“{title}” đã gia hạn {renewals}/{max} lần — không gia hạn thêm được.",
        "“{title}” has been renewed {renewals} of {max} times — no more renewals."),
    "renew_card_expired": Text(
        "Không gia hạn được “{title}” ({barcode}): THẺ HẾT HẠN (thẻ của {name} có giá trị đến "
        "{until}) — gia hạn thẻ trước. Trả sách thì vẫn nhận.",
        "“{title}” ({barcode}) cannot be renewed: CARD EXPIRED ({name}'s card was valid until "
        "{until}) — renew the card first. Returns are still taken."),
    "renew_patron_blocked": Text(
        "Không gia hạn được “{title}” ({barcode}): thẻ của {name} đang bị khoá. Trả sách thì "
        "vẫn nhận.",
        "“{title}” ({barcode}) cannot be renewed: {name}'s card is blocked. Returns are still "
        "taken."),
    "renew_patron_inactive": Text(
        "Không gia hạn được “{title}” ({barcode}): {name} đã ra trường hoặc chuyển đi — hãy "
        "nhận lại sách.",
        "“{title}” ({barcode}) cannot be renewed: {name} has left or graduated — take the "
        "book back."),
    "renew_has_fines": Text(
        "Không gia hạn được “{title}” ({barcode}): {name} còn nợ {amount} (từ {threshold} "
        "trở lên không được mượn, gia hạn) — cần nộp trước. Trả sách thì vẫn nhận.",
        "“{title}” ({barcode}) cannot be renewed: {name} owes {amount} (from {threshold} no "
        "loans or renewals) — to pay first. Returns are still taken."),
    "renew_on_hold": Text(
        "Không gia hạn được “{title}”: có bạn đọc khác đang đặt giữ.",
        "“{title}” cannot be renewed: another patron is waiting for it."),
    "hold_not_allowed": Text(
        "Không nhận đặt giữ “{title}” cho bạn đọc loại này.",
        "Holds on “{title}” are not allowed for this kind of patron."),
    "hold_no_copies": Text(
        "Không nhận đặt giữ “{title}”: thư viện không có bản nào của đầu sách này, bạn đọc "
        "sẽ chờ mãi.",
        "No hold on “{title}”: the library has no copy of it, the reader would wait forever."),
    "hold_duplicate": Text(
        "{name} đã đặt giữ “{title}” rồi.",
        "{name} already has a hold on “{title}”."),
    "hold_has_copy": Text(
        "{name} đang mượn một bản của “{title}”.",
        "{name} already has a copy of “{title}” on loan."),
    "hold_not_found": Text("Không tìm thấy lượt đặt giữ.", "Hold not found."),
    "record_not_found": Text("Không tìm thấy biểu ghi {record}.", "Record {record} not found."),
    "patron_not_found": Text("Không tìm thấy bạn đọc “{code}”.", "Patron “{code}” not found."),
    "item_not_found": Text("Không tìm thấy bản sách “{code}”.", "Item “{code}” not found."),
    "card_not_item": Text(
        "“{code}” là thẻ bạn đọc của {name}, không phải mã sách — quét mã trên cuốn sách.",
        "“{code}” is {name}'s library card, not a book — scan the code on the book."),
    "item_not_card": Text(
        "“{code}” là mã bản sách “{title}”, không phải thẻ bạn đọc — quét thẻ của bạn đọc.",
        "“{code}” is the copy of “{title}”, not a library card — scan the reader's card."),
    "not_in_session": Text(
        "“{title}” không thuộc bộ sách của đợt mượn lớp {class_name}.",
        "“{title}” is not part of the set lent to class {class_name}."),
    "not_in_class": Text(
        "{name} ({patron_class}) không thuộc lớp {class_name}: bộ sách này chỉ cho lớp "
        "{class_name} mượn.",
        "{name} ({patron_class}) is not in class {class_name}: this set is lent to class "
        "{class_name} only."),
    "has_fines": Text(
        "{name} còn nợ tiền phạt {amount} — cần nộp trước khi mượn thêm.",
        "{name} owes {amount} in fines, to pay before borrowing more."),
    "session_closed": Text("Đợt mượn lớp {class_name} đã kết thúc.",
                           "The class loan of {class_name} is closed."),
    "class_loan_not_found": Text("Không có đợt mượn lớp số {session}.",
                                 "There is no class loan number {session}."),
    "class_empty": Text(
        "Lớp {class_name} không có học sinh nào đang học — kiểm tra lại tên lớp.",
        "Class {class_name} has no current students — check the class name."),
    "class_set_short": Text(
        "Không còn bản “{title}” trên giá để cho mượn: cả {copies} bản đều đang được mượn "
        "hoặc không cho mượn được.",
        "No copy of “{title}” left on the shelf to lend: all {copies} are on loan or "
        "cannot be lent."),
    "class_has_copy": Text("{name} đang mượn “{title}” ({barcode}) rồi — không cho mượn thêm bản nữa.",
                           "{name} already has “{title}” ({barcode}) — no second copy lent."),
    "class_set_no_copy": Text("“{title}” chưa có bản sách nào trong kho.",
                              "“{title}” has no copies in the library."),
    # successes
    "patron_selected": Text(
        "Bạn đọc: {name}{class_part} — đang mượn {count}, quá hạn {overdue}.{fines}{holds}{card}",
        "Patron: {name}{class_part} — {count} on loan, {overdue} overdue.{fines}{holds}{card}"),
    "patron_selected_expired": Text(
        "Bạn đọc: {name}{class_part} — THẺ HẾT HẠN (có giá trị đến {until}): gia hạn thẻ để "
        "mượn. Đang mượn {count}, quá hạn {overdue}.{fines}",
        "Patron: {name}{class_part} — CARD EXPIRED (valid until {until}): renew the card to "
        "borrow. {count} on loan, {overdue} overdue.{fines}"),
    "patron_selected_blocked": Text(
        "Bạn đọc: {name}{class_part} — KHÔNG ĐƯỢC MƯỢN: {status}.{fines}",
        "Patron: {name}{class_part} — MAY NOT BORROW: {status}.{fines}"),
    "checked_out": Text("Đã cho mượn “{title}” ({barcode}) — hạn trả {due}.",
                        "Lent “{title}” ({barcode}) — due {due}."),
    "checked_out_hold": Text(
        "Đã cho {name} mượn “{title}” ({barcode}) đặt giữ — hạn trả {due}.",
        "Lent the held “{title}” ({barcode}) to {name} — due {due}."),
    "checked_in": Text("Đã nhận trả “{title}” ({barcode}) của {name}.{late}",
                       "Checked in “{title}” ({barcode}) from {name}.{late}"),
    "checked_in_hold": Text(
        "Đã nhận trả “{title}” ({barcode}). GIỮ LẠI cho {holder} đến {until}.{late}",
        "Checked in “{title}” ({barcode}). KEEP IT for {holder} until {until}.{late}"),
    "renewed": Text("Đã gia hạn “{title}” ({barcode}) đến {due}.{late}",
                    "Renewed “{title}” ({barcode}) until {due}.{late}"),
    "hold_placed": Text("Đã đặt giữ “{title}” cho {name} (thứ tự {position}).{on_shelf}",
                        "Hold placed on “{title}” for {name} (position {position}).{on_shelf}"),
    "hold_cancelled": Text("Đã huỷ đặt giữ “{title}” của {name}.",
                           "Cancelled {name}'s hold on “{title}”."),
    "repeat_ignored": Text("Vừa quét “{code}” xong — bỏ qua lần quét lặp.",
                           "“{code}” was just scanned — repeat ignored."),
    "marked_lost": Text("Đã ghi mất “{title}” ({barcode}).{who}{charge}",
                        "Marked “{title}” ({barcode}) lost.{who}{charge}"),
    "marked_damaged": Text("Đã ghi hỏng “{title}” ({barcode}).",
                           "Marked “{title}” ({barcode}) damaged."),
    "found": Text("Đã tìm thấy “{title}” ({barcode}) — đưa lại lên giá.{charge}",
                  "Found “{title}” ({barcode}) — back on the shelf.{charge}"),
    "in_library_use": Text("Đã ghi đọc tại chỗ “{title}” ({barcode}).{note}",
                           "Recorded in-library reading of “{title}” ({barcode}).{note}"),
    "visit": Text("Đã ghi lượt đến thư viện của {name}.", "Recorded a visit by {name}."),
    "walk_in": Text("Đã ghi {count} lượt khách không có thẻ (hôm nay: {today} lượt).",
                    "Recorded {count} visit(s) without a card (today: {today})."),
    "mode_set": Text("Chế độ quầy: {mode}.", "Desk mode: {mode}."),
    "patron_cleared": Text("Đã bỏ chọn bạn đọc.", "Patron cleared."),
}

LATE = Text(" Quá hạn {days} ngày.", " {days} day(s) late.")
LATE_FINE = Text(" Quá hạn {days} ngày — phạt {amount}.", " {days} day(s) late — fine {amount}.")
# What a reader owes: overdue fines and lost-book charges alike ("Nợ phạt" called a
# replacement charge a fine).
OWES = Text(" Còn nợ {amount}.", " Owes {amount}.")
# A card scanned by a reader whose held book waits on the hold shelf: fetch it for them.
HOLDS_READY = Text(" Có {count} sách đặt giữ đang chờ trên giá giữ sách.",
                   " {count} held book(s) waiting on the hold shelf.")
# A card scanned at the desk that expires within the notice days (a gentle word, not a refusal).
CARD_EXPIRING = Text(" Thẻ sắp hết hạn: còn {days} ngày (có giá trị đến {until}).",
                     " The card expires soon: {days} day(s) left (valid until {until}).")
CARD_LAST_DAY = Text(" Hôm nay là ngày cuối thẻ còn hạn ({until}).",
                     " Today is the card's last valid day ({until}).")
# Why a card scanned at the desk may not borrow (a patron's status in words, never the code).
PATRON_STATUS = {"blocked": Text("thẻ đang bị khoá", "card blocked"),
                 "left": Text("đã chuyển đi", "left the school"),
                 "graduated": Text("đã ra trường", "graduated")}
STILL_LENT = Text(" Bản này vẫn ghi đang cho {name} mượn — nếu sách đã về thư viện, hãy nhận trả.",
                  " This copy is still recorded as lent to {name} — if it is back, check it in.")
STILL_LOST = Text(" Bản này đang ghi mất — đã tìm thấy thì hãy nhận trả để đưa lại lên giá.",
                  " This copy is recorded as lost — now that it is found, check it in.")
LOST_BY = Text(" Người mượn: {name}.", " Borrower: {name}.")
LOST_CHARGED = Text(" Tiền đền sách: {amount}.", " Replacement charge: {amount}.")
LOST_CHARGE_CANCELLED = Text(" Đã huỷ tiền đền {amount} chưa nộp.",
                             " The unpaid replacement charge of {amount} is cancelled.")
LOST_CHARGE_CANCELLED_PART = Text(
    " Đã huỷ {amount} tiền đền còn nợ; bạn đọc đã nộp {paid} — hoàn lại nếu thư viện quy định.",
    " The unpaid rest of the replacement charge, {amount}, is cancelled; the reader paid {paid}"
    " — refund it if the library's rules say so.")
LOST_CHARGE_PAID = Text(" Bạn đọc đã nộp tiền đền {amount} — hoàn lại nếu thư viện quy định.",
                        " The reader paid {amount} for it — refund it if the library's rules say"
                        " so.")
