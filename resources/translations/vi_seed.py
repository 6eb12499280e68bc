"""Vietnamese for the window's English source strings, used to seed ``thuvien_vi.ts``.

The ``.ts`` files are the translations' home (edit them with Qt Linguist); this table only
fills messages lupdate finds untranslated. Run after adding strings to ``ui/``::

    .venv/bin/python resources/translations/vi_seed.py

It runs pyside6-lupdate over ``ui/`` (keeping existing translations), fills Vietnamese from
the table below, marks English as identical to the source, and reports what is missing.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

VI: dict[str, str] = {
    # main window, status bar
    "Desk": "Quầy mượn trả", "Catalog": "Biên mục", "Patrons": "Bạn đọc", "Settings": "Cài đặt",
    "&File": "&Tệp", "&Quit": "&Thoát", "&Tools": "&Công cụ",
    "Database: {path}": "CSDL: {path}",
    "Changes not yet sent: {count}": "Thay đổi chưa gửi: {count}",
    "Sync: not set up": "Đồng bộ: chưa thiết lập",
    # a second window on the same library (ui/main.py, ui/single.py)
    "ThuVien is already open on this library ({path}): use that window.":
        "ThuVien đang mở thư viện này ({path}): hãy dùng cửa sổ đó.",
    # rollover dialog: a rollover before the school year has ended
    "The school year {year} has not ended yet (today {today}): moving up now puts every "
    "class a year ahead. Usually the rollover is done when the school year ends.":
        "Năm học {year} chưa kết thúc (hôm nay {today}): lên lớp bây giờ sẽ đưa mọi lớp lên "
        "trước một năm. Thường chỉ lên lớp khi năm học đã kết thúc.",
    # a district union export imported (ui/catalog/view.py, ImportReportDialog)
    "{count} holdings of other libraries (a union catalog's 852 fields, without accession "
    "numbers) were not made copies of this library.":
        "{count} dòng sách của thư viện khác (trường 852 của mục lục liên hợp, không có số ĐKCB) "
        "không được nhập thành bản sách của thư viện này.",
    # a library file too damaged to open (ui/firstrun/damaged.py)
    "&Restore the backup of {time}": "&Khôi phục bản sao lưu lúc {time}",
    "Newest backup of this library: {file}": "Bản sao lưu mới nhất của thư viện này: {file}",
    "No backup was found in {folder}.": "Không tìm thấy bản sao lưu nào trong {folder}.",
    "No backup of this library was found in {folder}.":
        "Không tìm thấy bản sao lưu nào của thư viện này trong {folder}.",
    "This library's identity cannot be read, so none of the backups in {folder} can be told "
    "to be its own. Choose a backup file yourself, and check that it is this library's.":
        "Không đọc được mã định danh của thư viện này nên không biết bản sao lưu nào trong "
        "{folder} là của nó. Hãy tự chọn tệp sao lưu và kiểm tra đó đúng là của thư viện này.",
    "{count} backup(s) of other libraries in this folder are not offered.":
        "{count} bản sao lưu của thư viện khác trong thư mục này không được đưa ra.",
    "{file} is a backup of another library, not of this one. Restoring it would put that "
    "library's books and readers in place of this library's. Restore it anyway?":
        "{file} là bản sao lưu của một thư viện khác, không phải của thư viện này. Khôi phục nó "
        "sẽ thay sách và bạn đọc của thư viện này bằng của thư viện kia. Vẫn khôi phục?",
    "&Choose a backup file…": "&Chọn tệp sao lưu…",
    "Backup file": "Tệp sao lưu",
    "ThuVien backups (*.sqlite3)": "Bản sao lưu ThuVien (*.sqlite3)",
    "The library was restored from {backup}. The damaged file was kept as {kept}.":
        "Đã khôi phục thư viện từ {backup}. Tệp bị hỏng được giữ lại là {kept}.",
    "Sync: failed (last success {time})": "Đồng bộ: lỗi (lần cuối được: {time})",
    "Sync: failed": "Đồng bộ: lỗi",
    # a certificate refused because this PC's date is wrong (ui/statusbar.py, settings page)
    "Sync: failed, wrong date on this computer": "Đồng bộ: lỗi, ngày trên máy tính sai",
    "This computer's date": "Ngày trên máy tính",
    "Records up to {date}, after this computer's date":
        "Thư viện đã ghi đến {date}, sau ngày trên máy",
    "Sync: last {time}": "Đồng bộ lần cuối: {time}",
    "Sync: never": "Đồng bộ: chưa lần nào",
    "Sync: offline, will try again": "Đồng bộ: chưa có mạng, sẽ thử lại",
    "Sync: offline (last success {time})": "Đồng bộ: chưa có mạng (lần cuối được: {time})",
    "Sync: offline for {days} days (last success {time})":
        "Đồng bộ: {days} ngày chưa có mạng (lần cuối được: {time})",
    "Automatic backup failed (Tools → Backups)": "Sao lưu tự động: lỗi (Công cụ → Sao lưu)",
    "Automatic backup failed: {reason}": "Sao lưu tự động không được: {reason}",
    # operations
    "Cancel": "Huỷ", "{title}: {done} of {total}": "{title}: {done}/{total}",
    "{title}: {done}": "{title}: {done}", "Stopping…": "Đang dừng…",
    "{title}: {done} of {total} MB read": "{title}: đã đọc {done}/{total} MB",
    # desk
    "Scan a library card or a book…": "Quét thẻ bạn đọc hoặc mã sách…",
    "Scan a card or a book…": "Quét thẻ hoặc sách…",
    "F2 Automatic": "F2 Tự động", "F3 Check out": "F3 Cho mượn", "F4 Check in": "F4 Nhận trả",
    "F11 Read here": "F11 Đọc tại chỗ",
    "Fine paid": "Nộp tiền phạt",
    "Record that {name} paid {amount} for “{title}” ({barcode})?":
        "Ghi nhận {name} đã nộp {amount} cho “{title}” ({barcode})?",
    "Time": "Giờ", "Code": "Mã", "Result": "Kết quả", "This session": "Phiên làm việc này",
    "F2 automatic · F3 check out · F4 check in · F11 read here · F5 renew · F6 print loan slip · "
    "F7 camera · F9 book lost · F10 renew card · F12 visitor without a card · ↑↓ choose a loan · "
    "Esc clear patron":
        "F2 tự động · F3 cho mượn · F4 nhận trả · F11 đọc tại chỗ · F5 gia hạn · F6 in phiếu "
        "mượn · F7 camera · F9 báo mất sách · F10 gia hạn thẻ · F12 khách không có thẻ · "
        "↑↓ chọn sách đang mượn · Esc bỏ chọn bạn đọc",
    # reader cards' validity (desk F10, desk patron panel)
    "Scan a library card first: F10 renews the card of the current patron.":
        "Hãy quét thẻ bạn đọc trước: F10 gia hạn thẻ của bạn đọc đang chọn.",
    "Renewed the card {card} of {name} until {date}.":
        "Đã gia hạn thẻ {card} của {name} đến {date}.",
    "Renew the card of {name} until {date}? Press F10 again to confirm; scan or Esc to cancel.":
        "Gia hạn thẻ của {name} đến {date}? Nhấn F10 lần nữa để xác nhận; quét mã hoặc Esc để "
        "thôi.",
    "The card is not renewed.": "Không gia hạn thẻ.",
    "CARD EXPIRED (valid until {date}) — F10 renews it":
        "THẺ HẾT HẠN (có giá trị đến {date}) — F10 để gia hạn",
    "card valid until {date} ({days} days left)": "thẻ có giá trị đến {date} (còn {days} ngày)",
    "card valid until {date}": "thẻ có giá trị đến {date}",
    # reader cards' validity (Patrons, the patron form, the rollover, Settings → Reader cards)
    "Re&new cards…": "Gi&a hạn thẻ…",
    "Renew (gia hạn) the card of the patron selected, or else of every patron listed, by the "
    "default card validity of their category (Settings)":
        "Gia hạn thẻ của bạn đọc đang chọn, nếu không chọn ai thì của mọi bạn đọc trong danh "
        "sách, theo thời hạn thẻ mặc định của loại bạn đọc (Cài đặt)",
    "Card valid until": "Hạn thẻ",
    "Cards expired ({count})": "Thẻ đã hết hạn ({count})",
    "Cards expiring soon ({count})": "Thẻ sắp hết hạn ({count})",
    "Renew cards": "Gia hạn thẻ",
    "Renew the card {card} of {name} until {date}?": "Gia hạn thẻ {card} của {name} đến {date}?",
    "Renew the cards of the {count} patrons listed, each by the default validity of their "
    "category (until {date})?":
        "Gia hạn thẻ của {count} bạn đọc trong danh sách, mỗi người theo thời hạn thẻ mặc định "
        "của loại bạn đọc (đến {date})?",
    "dd/mm/yyyy — empty: no expiry": "dd/mm/yyyy — để trống: thẻ không có hạn",
    "Student cards": "Thẻ học sinh", "Teacher cards": "Thẻ giáo viên",
    "Staff cards": "Thẻ cán bộ, nhân viên", "Community reader cards": "Thẻ bạn đọc ngoài trường",
    "No expiry": "Không có hạn", "To the end of the school year (31/05)":
        "Đến hết năm học (31/05)", "A number of months": "Số tháng",
    " months": " tháng", " days": " ngày",
    "Say a card expires soon from": "Báo thẻ sắp hết hạn trước",
    "New cards and class lists get this validity; F10 at the desk and “Renew cards…” in "
    "Patrons renew by it. Cards already issued keep theirs. An expired card may return books "
    "but not borrow or renew them.":
        "Thẻ cấp mới và danh sách lớp nhập vào lấy thời hạn này; F10 ở quầy và “Gia hạn thẻ…” "
        "ở mục Bạn đọc gia hạn theo nó. Thẻ đã cấp giữ hạn của mình. Thẻ hết hạn vẫn trả sách "
        "được nhưng không mượn, không gia hạn sách được.",
    "Reader cards": "Thẻ bạn đọc",
    "&Extend the cards of {count} student(s) moving up until {date}":
        "&Gia hạn thẻ của {count} học sinh lên lớp đến {date}",
    "{count} card(s) extended until {date}.": "Đã gia hạn {count} thẻ đến {date}.",
    "Nothing to mark lost: select a loan or scan the book first.":
        "Chưa có sách để ghi mất: hãy chọn một lượt mượn hoặc quét sách trước.",
    "{barcode} is not marked lost.": "Không ghi mất {barcode}.",
    "Mark {barcode} lost? Press F9 again to confirm; scan or Esc to cancel.":
        "Ghi mất {barcode}? Nhấn F9 lần nữa để xác nhận; quét mã khác hoặc Esc để thôi.",
    "Ready. Scan a library card, then the books.":
        "Sẵn sàng. Quét thẻ bạn đọc, rồi quét sách.",
    "{name} is still the current patron from the last session: books scanned now are lent to "
    "them. Esc clears the patron.":
        "Bạn đọc {name} của phiên trước vẫn đang được chọn: sách quét bây giờ sẽ cho bạn đọc "
        "này mượn. Nhấn Esc để bỏ chọn.",
    "Nothing to renew: select a loan or scan the book first.":
        "Chưa có gì để gia hạn: hãy chọn một lượt mượn hoặc quét sách trước.",
    "Scan a library card first: the slip is for one patron.":
        "Hãy quét thẻ bạn đọc trước: phiếu mượn in cho từng bạn đọc.",
    "Loan slip": "Phiếu mượn",
    "Acc. no.": "Số ĐKCB", "Title": "Nhan đề", "Loaned": "Ngày mượn", "Due": "Hạn trả",
    "Holds": "Đặt giữ", "No photo": "Chưa có ảnh", "No patron selected": "Chưa chọn bạn đọc",
    "Scan a library card to begin.": "Quét thẻ bạn đọc để bắt đầu.", "Loans": "Đang mượn",
    "Class {name}": "Lớp {name}", "Card {card}": "Thẻ {card}",
    "CARD BLOCKED": "THẺ BỊ KHOÁ", "Loans: {count}": "Đang mượn: {count}",
    "{count} overdue": "{count} quá hạn", "({days} days late)": "(quá {days} ngày)",
    "READY: “{title}” — kept until {until}": "ĐÃ CÓ SÁCH: “{title}” — giữ đến {until}",
    "Waiting: “{title}” (position {position})": "Đang chờ: “{title}” (thứ tự {position})",
    # catalog
    "Search title, author, subject, ISBN or accession number (2 letters or more)…":
        "Tìm nhan đề, tác giả, chủ đề, ISBN hoặc số ĐKCB (từ 2 chữ)…",
    "&New record (Ctrl+N)": "&Biểu ghi mới (Ctrl+N)", "&Import MARC…": "&Nhập MARC…",
    "E&xport MARC…": "X&uất MARC…", "Author": "Tác giả", "Year": "Năm",
    "Call number": "Ký hiệu xếp giá", "Copies": "Bản sách", "&Edit record…": "Sử&a…",
    "Add &copies…": "T&hêm bản sách…", "&Print labels…": "&In nhãn…", "Searching…": "Đang tìm…",
    "{count} found": "Tìm thấy {count}", "No records found": "Không tìm thấy tài liệu nào",
    "Computed from the classification and the author mark: what the spine label prints. Edit "
    "the copy to set another.": "Tính từ ký hiệu phân loại và ký hiệu tác giả: đúng như nhãn "
                                "gáy sách in. Sửa bản sách để đặt ký hiệu khác.",
    "No patrons found for “{text}”. Try part of the name, the card or the student code.":
        "Không tìm thấy bạn đọc nào với “{text}”. Thử gõ một phần họ tên, mã thẻ hoặc mã học "
        "sinh.", "Import MARC records": "Nhập biểu ghi MARC",
    "Importing {name}": "Đang nhập {name}", "Unexpected error: {error}": "Lỗi không mong đợi: {error}",
    "Export MARC records": "Xuất biểu ghi MARC",
    "MARC 21 (ISO 2709) (*.mrc);;MARCXML (*.xml)": "MARC 21 (ISO 2709) (*.mrc);;MARCXML (*.xml)",
    "Exporting": "Đang xuất", "Export": "Xuất dữ liệu",
    "Catalog written to {path}.": "Đã ghi toàn bộ biểu ghi vào {path}.",
    "{count} record(s) were too long for ISO 2709 and were left out.":
        "{count} biểu ghi quá dài cho ISO 2709 nên không được xuất.",
    "&Holds…": "Đặt t&rước…",
    "Who is waiting for this book; put a reader in the queue by their card":
        "Ai đang chờ cuốn sách này; thêm bạn đọc vào hàng chờ bằng thẻ",
    "Holds — {title}": "Đặt trước — {title}",
    "Scan or type the reader's card, then Enter": "Quét hoặc gõ mã thẻ bạn đọc rồi nhấn Enter",
    "No.": "STT", "Reader": "Bạn đọc", "Reader's card": "Thẻ bạn đọc",
    "Nobody is waiting for this book.": "Chưa có ai đặt trước cuốn sách này.",
    "&Cancel the selected hold": "&Huỷ lượt đặt trước đang chọn",
    "copy kept until {day}": "đang giữ sách đến {day}", "waiting": "đang chờ",
    "&Withdraw…": "Thanh &lý…", "Withdraw": "Thanh lý",
    "Write off a worn-out or outdated copy (thanh lý), with the write-off record's number; it "
    "stays in the catalog, marked withdrawn.":
        "Thanh lý bản sách rách nát hoặc lạc hậu, kèm số biên bản; bản sách vẫn ở trong mục "
        "lục, ghi là đã thanh lý.",
    "Copy {barcode} withdrawn.": "Đã thanh lý bản sách {barcode}.",
    "Withdraw copy {barcode}": "Thanh lý bản sách {barcode}",
    "Copy {barcode} leaves the collection (worn out, outdated…). It stays in the catalog "
    "marked withdrawn and is no longer lent or counted.":
        "Bản sách {barcode} ra khỏi kho (rách nát, lạc hậu…). Nó vẫn ở trong mục lục, ghi là "
        "đã thanh lý, không cho mượn và không tính vào vốn tài liệu nữa.",
    "e.g. BB số 12/2026 (may be left empty)": "ví dụ BB số 12/2026 (có thể để trống)",
    "Write-off record": "Biên bản thanh lý",
    "Textbooks for class {name}": "Sách giáo khoa cho lớp {name}",
    "Title or ISBN of a textbook, then Enter": "Nhan đề hoặc ISBN, rồi nhấn Enter",
    "&Add to the set →": "Thê&m vào bộ →", "Take &out of the set": "&Bỏ khỏi bộ",
    "&Lend the set to the whole class": "&Cho cả lớp mượn bộ sách", "The set:": "Bộ sách:",
    "A new set (due at the end of the school year, by the textbook rule)":
        "Bộ sách mới (hạn trả cuối năm học, theo quy định sách giáo khoa)",
    "&Who still has what": "&Ai còn giữ sách gì",
    "&mark the copies still out as lost": "&ghi mất các bản chưa trả",
    "The set is closed: {count} copies still out are marked lost.":
        "Đã kết thúc đợt mượn: đã ghi mất {count} bản chưa trả.",
    "The set is closed: {count} copies are still out, not marked lost.":
        "Đã kết thúc đợt mượn: còn {count} bản chưa trả, chưa ghi mất.",
    "Clos&e the set": "&Kết thúc đợt mượn", "&Close": "Đó&ng",
    # closing a set with "mark as lost" ticked asks first (ui/patrons/class_loan_dialog.py)
    "Close the set": "Kết thúc đợt mượn",
    "Mark the {count} textbooks of class {name} still out as lost?":
        "Ghi mất {count} bản sách giáo khoa chưa trả của lớp {name}?",
    "The loan of each is closed and stays on its student's record. To close the set with the "
    "copies still on loan, untick “mark the copies still out as lost”.":
        "Lượt mượn của từng bản được đóng và vẫn ghi tên học sinh đã mượn. Muốn kết thúc đợt mà "
        "các em vẫn giữ sách, hãy bỏ chọn “ghi mất các bản chưa trả”.",
    "&Mark {count} lost": "&Ghi mất {count} bản", "&No, go back": "&Không, quay lại",
    # the patrons' class list: students who graduated or left, apart (ui/patrons/view.py)
    "Graduated or left ({count})": "Ra trường, chuyển đi ({count})",
    "Students who graduated or left, by their last class":
        "Học sinh đã ra trường hoặc chuyển đi, theo lớp cuối cùng",
    "Switch camera &on": "&Bật camera", "S&witch camera off": "Tắt c&amera",
    "Sets lent to this class": "Các đợt mượn của lớp",
    "{title} — {count} on the shelf": "{title} — {count} bản trên giá",
    "Add the set's textbooks first.": "Hãy thêm sách vào bộ trước.",
    "{count} copies lent to class {name}, due {due}.":
        "Đã cho lớp {name} mượn {count} bản, hạn trả {due}.",
    "open": "đang mượn", "closed": "đã kết thúc",
    "Due {due} ({state}): {titles}": "Hạn {due} ({state}): {titles}",
    "{count} copies still out.": "Còn {count} bản chưa trả.",
    "{name}: still has {copies}": "{name}: còn giữ {copies}",
    "{name}: was not given {titles}": "{name}: chưa được phát {titles}",
    "{name}: everything returned": "{name}: đã trả đủ", "The set is closed.": "Đã kết thúc đợt mượn.",
    "Lend a set of textbooks to every student of the chosen class; see what each still has at "
    "the end of the year":
        "Cho cả lớp đang chọn mượn một bộ sách giáo khoa; cuối năm xem từng học sinh còn giữ "
        "sách gì",
    "Only {name}": "Chỉ {name}", "Cards for": "In thẻ cho",
    "Lent on": "Ngày mượn", "On loan: {count}": "Đang mượn: {count}",
    "“{title}” is kept for them until {day}": "“{title}” đang được giữ cho bạn đọc đến {day}",
    "“{title}” (number {position} in the queue)": "“{title}” (thứ {position} trong hàng chờ)",
    "Waiting for: {titles}": "Đang đặt trước: {titles}",
    "Edit cop&y…": "&Sửa bản sách…", "Re&move copy…": "&Xoá bản sách…", "Remove copy": "Xoá bản sách",
    "Only for a copy entered by mistake that was never lent; its accession number is not given "
    "again. A copy that leaves the library is marked lost or withdrawn.":
        "Chỉ dùng cho bản sách nhập nhầm và chưa từng cho mượn; số ĐKCB của nó không cấp lại. "
        "Bản sách rời thư viện thì đánh dấu mất hoặc thanh lý.",
    "Remove copy {barcode}, entered by mistake? Its accession number will not be given to "
    "another copy.":
        "Xoá bản sách {barcode} đã nhập nhầm? Số ĐKCB này sẽ không cấp cho bản sách khác.",
    "Copy {barcode} removed.": "Đã xoá bản sách {barcode}.",
    "Copy {barcode}": "Bản sách {barcode}",
    "empty: the record's classification": "để trống: theo ký hiệu phân loại của biểu ghi",
    "Date received not known": "Không rõ ngày nhập",
    "Source": "Nguồn", "Price": "Giá tiền", "Location": "Vị trí", "Date received": "Ngày nhập",
    "e.g. 45.000 (đồng)": "ví dụ 45.000 (đồng)", "not known": "không rõ",
    "Purchase": "Mua", "Donation": "Biếu tặng", "Allocated by the Department": "Cấp phát",
    "Exchange": "Trao đổi", "shelf or cupboard, e.g. Tủ 3": "giá hoặc tủ, ví dụ Tủ 3",
    "“{text}” is not a price: write it in đồng, from 0 to 1.000.000.000, e.g. 45.000.":
        "“{text}” không phải giá tiền: hãy viết số đồng, từ 0 đến 1.000.000.000, ví dụ 45.000.",
    "Add copies": "Thêm bản sách", "Number of copies": "Số bản", "Collection": "Kho",
    "MARC import": "Nhập MARC",
    "Imported {imported} record(s), merged {merged}, added {items} copies; {skipped} skipped.":
        "Đã nhập {imported} biểu ghi, gộp {merged}, thêm {items} bản sách; bỏ qua {skipped}.",
    "Stopped by you.": "Đã dừng theo yêu cầu.",
    "Record {number} (byte {offset}): {reason}": "Biểu ghi {number} (byte {offset}): {reason}",
    "Records left out:": "Các biểu ghi bị bỏ qua:",
    "Copies left out:": "Các bản sách không được nhập:",
    "Copy of record {number} (byte {offset}): {reason}":
        "Bản sách của biểu ghi {number} (byte {offset}): {reason}",
    "{count} copies not added: their accession number is already on another book.":
        "{count} bản sách không được nhập: số ĐKCB của chúng đã thuộc một cuốn sách khác.",
    "Type": "Loại", "Record": "Biểu ghi", "MARC": "MARC", "on the shelf": "trên giá",
    "on loan": "đang cho mượn", "kept for a hold": "đang giữ cho người đặt trước",
    "lost": "mất", "damaged": "hỏng", "withdrawn": "đã thanh lý",
    "Search above, then choose a record to see it here.":
        "Tìm ở ô phía trên, rồi chọn một biểu ghi để xem tại đây.",
    "Author(s)": "Tác giả", "Publisher": "Nhà xuất bản", "Edition": "Lần xuất bản",
    "ISBN": "ISBN", "Classification": "Ký hiệu phân loại", "Author mark": "Ký hiệu tác giả",
    "Subjects": "Chủ đề", "Series": "Tùng thư", "Copies ({count})": "Bản sách ({count})",
    "Acquired {day}": "Nhập ngày {day}", "Edit record": "Sửa biểu ghi",
    "New record": "Biểu ghi mới",
    "Separate several authors with ;": "Nhiều tác giả thì cách nhau bằng dấu ;",
    "Scan or type; several with ;": "Quét hoặc gõ; nhiều số thì cách nhau bằng dấu ;",
    "Separate several subjects with ;": "Nhiều chủ đề thì cách nhau bằng dấu ;",
    "Title *": "Nhan đề *", "Place": "Nơi xuất bản",
    "Classification (DDC)": "Ký hiệu phân loại (DDC)", "Copies to add": "Số bản thêm",
    "The year must be a number, e.g. 2019.": "Năm phải là số, ví dụ 2019.",
    "Notes": "Ghi chú",
    # labels and preview
    "Patron cards": "Thẻ bạn đọc", "Print labels": "In nhãn",
    "Desk sheet (names and barcodes)": "Bảng tra tại quầy (tên và mã vạch)",
    "Barcode labels": "Nhãn mã vạch", "Spine labels": "Nhãn gáy",
    "Barcode and spine together": "Nhãn mã vạch kèm nhãn gáy",
    "Draw label outlines (test print on plain paper)": "Vẽ viền nhãn (in thử trên giấy thường)",
    "What": "In gì", "Sheet": "Loại giấy nhãn",
    "Which copies": "Bản sách nào", "The copies of this record": "Các bản của biểu ghi này",
    "Copies added since a date": "Sách nhập từ một ngày trở đi",
    "An accession-number range": "Một khoảng số ĐKCB",
    "Every copy of a catalog search": "Mọi bản sách của một lần tìm",
    "Added on or after": "Nhập từ ngày", "Search": "Tìm",
    "Title, author, subject…": "Nhan đề, tác giả, chủ đề…",
    "Counting…": "Đang đếm…", "Counting the copies": "Đang đếm số bản sách",
    "{count} copies selected": "Đã chọn {count} bản sách", "Print &labels…": "In &nhãn…",
    "Labels for all &results…": "In nhãn cho &mọi kết quả…",
    "Print labels for every copy of the records found (Ctrl+Shift+L)":
        "In nhãn cho mọi bản sách của các biểu ghi tìm được (Ctrl+Shift+L)",
    "Start at label": "Bắt đầu từ nhãn số", "Printer offset across": "Lệch máy in theo chiều ngang",
    "Printer offset down": "Lệch máy in theo chiều dọc", "&Preview…": "&Xem trước…",
    "Pr&int": "&In", "Save &job file…": "Lưu tệp &lệnh in…",
    "&Print…": "&In…", "&Save PDF…": "&Lưu PDF…", "{count} page(s)": "{count} trang",
    "&Zoom": "Thu &phóng",
    "Save PDF": "Lưu PDF", "PDF files (*.pdf)": "Tệp PDF (*.pdf)",
    # patrons
    "Edit patron": "Sửa bạn đọc", "New patron": "Bạn đọc mới", "Student": "Học sinh",
    "Teacher": "Giáo viên", "Staff": "Nhân viên", "Community": "Bạn đọc ngoài trường",
    "dd/mm/yyyy": "dd/mm/yyyy", "Male": "Nam", "Female": "Nữ",
    "Empty: the next card number": "Để trống: lấy số thẻ kế tiếp",
    "Choose photo…": "Chọn ảnh…", "Remove photo": "Bỏ ảnh", "Full name *": "Họ và tên *",
    "Status": "Trạng thái", "Photo": "Ảnh", "Choose photo": "Chọn ảnh",
    "Images (*.jpg *.jpeg *.png)": "Ảnh (*.jpg *.jpeg *.png)",
    "The photo is too large (at most 2 MB).": "Ảnh quá lớn (tối đa 2 MB).",
    "Search by name, card or student code…": "Tìm theo tên, mã thẻ hoặc mã học sinh…",
    "New &patron…": "Thêm &bạn đọc…", "New patron (Ctrl+N)": "Thêm bạn đọc (Ctrl+N)", "&Edit…": "&Sửa…",
    "&Import class list…": "Nhập &danh sách lớp…",
    "New school &year…": "&Lên lớp năm học mới…", "Print c&ards…": "&In thẻ…",
    "Class te&xtbooks…": "S&GK cho lớp…", "Re&new": "Gia &hạn",
    "&Mark paid": "Đã &nộp tiền", "&Waive…": "&Miễn phạt…",
    "Name": "Họ và tên",
    "Collection name": "Tên kho",
    "All patrons": "Tất cả bạn đọc", "{name} ({count})": "{name} ({count})",
    "Class": "Lớp", "Card": "Mã thẻ", "Student code": "Mã học sinh",
    "Date of birth": "Ngày sinh", "Gender": "Giới tính", "Category": "Loại bạn đọc",
    "Phone": "Điện thoại", "Email": "Email", "Address": "Địa chỉ", "Note": "Ghi chú",
    # class-list wizard
    "Import a class list": "Nhập danh sách lớp", "1. Choose the class list": "1. Chọn danh sách lớp",
    "A CSV or Excel (.xlsx) file with one student per row.":
        "Tệp CSV hoặc Excel (.xlsx), mỗi dòng một học sinh.",
    "Bro&wse…": "&Chọn tệp…", "e.g. 6A (when the file has no class column)":
        "ví dụ 6A (khi tệp không có cột lớp)",
    "F&ile": "Tệ&p", "C&lass": "&Lớp", "School &year": "&Năm học",
    "School year": "Năm học", "Class list": "Danh sách lớp",
    "Class lists (*.csv *.xlsx *.txt)": "Danh sách lớp (*.csv *.xlsx *.txt)",
    "The file does not exist.": "Tệp không tồn tại.",
    "2. Check the columns": "2. Kiểm tra các cột",
    "Columns typed in an old Vietnamese font (TCVN3/.VnTime, VNI) are detected and converted. "
    "If a name still reads wrong, choose its column's encoding.":
        "Các cột gõ bằng phông chữ cũ (TCVN3/.VnTime, VNI) được nhận ra và chuyển sang Unicode. "
        "Nếu tên vẫn sai chữ, hãy chọn bảng mã của cột đó.",
    "First value": "Giá trị đầu tiên",
    "Column": "Cột", "Header": "Tiêu đề", "Field": "Trường", "Text encoding": "Bảng mã",
    "Unicode": "Unicode", "TCVN3 (.VnTime) → Unicode": "TCVN3 (.VnTime) → Unicode",
    "VNI → Unicode": "VNI → Unicode", "Windows-1258 → Unicode": "Windows-1258 → Unicode",
    "Full name": "Họ và tên", "Family and middle name": "Họ và đệm", "Given name": "Tên",
    "(ignore)": "(bỏ qua)", "(not used)": "(không dùng)",
    "3. Preview": "3. Xem trước", "Line": "Dòng", "new": "mới", "update": "cập nhật",
    "unchanged": "không đổi", "error": "lỗi",
    "{new} new, {update} updated, {unchanged} unchanged, {error} with errors (rows with errors "
    "will be left out).": "{new} mới, {update} cập nhật, {unchanged} không đổi, {error} có lỗi "
                         "(các dòng lỗi sẽ không được nhập).",
    "4. Import": "4. Nhập", "&Import": "&Nhập",
    "Press Import to add {new} new patron(s) and update {update}. {error} row(s) with errors "
    "will not be imported.": "Bấm Nhập để thêm {new} bạn đọc mới và cập nhật {update}. "
                             "{error} dòng có lỗi sẽ không được nhập.",
    # rollover
    "New school year: move classes up": "Năm học mới: lên lớp",
    "Class now": "Lớp hiện tại", "Becomes": "Lên lớp", "Students": "Số học sinh",
    "&Apply rollover": "&Thực hiện lên lớp",
    "Textbook sets still lent (textbooks usually come back at the end of the year): {sets}.":
        "Còn đợt mượn sách giáo khoa chưa kết thúc (sách giáo khoa thường được trả vào cuối "
        "năm học): {sets}.",
    "class {name} (due {due}) goes with its students to {to}":
        "lớp {name} (hạn {due}) chuyển theo học sinh sang lớp {to}",
    "class {name} (due {due}) is closed: its students graduate, the books they still have "
    "stay on their loans": "lớp {name} (hạn {due}) được kết thúc: học sinh ra trường, sách "
                           "các em còn giữ vẫn ghi là đang mượn",
    "&Undo the last rollover": "&Hoàn tác lần lên lớp gần nhất",
    "Last grade of the school (graduates):": "Khối cuối cấp (ra trường):",
    "School year {from_year} → {to_year}: {promoted} student(s) move up, {graduated} graduate.":
        "Năm học {from_year} → {to_year}: {promoted} học sinh lên lớp, "
        "{graduated} học sinh ra trường.",
    "graduates": "ra trường", "unchanged (no grade)": "giữ nguyên (không có khối)",
    "Move every class up to the school year {year}? You can undo it afterwards.":
        "Chuyển tất cả các lớp lên năm học {year}? Có thể hoàn tác sau đó.",
    "Done: {promoted} moved up, {graduated} graduated.":
        "Xong: {promoted} học sinh lên lớp, {graduated} học sinh ra trường.",
    "Undo the last rollover? Every student gets back the class they had before it.":
        "Hoàn tác lần lên lớp gần nhất? Mọi học sinh trở lại lớp cũ.",
    "The rollover to {year} was undone.": "Đã hoàn tác lần lên lớp sang năm học {year}.",
    "{name} ({klass}, card {card}): {books} book(s)": "{name} ({klass}, thẻ {card}): {books} cuốn",
    "… and {count} more": "… và {count} học sinh khác",
    "{students} graduating student(s) still have {books} book(s) on loan — get them back "
    "before they leave:":
        "{students} học sinh sắp ra trường còn đang mượn {books} cuốn — hãy thu hồi sách "
        "trước khi các em ra trường:",
    # settings
    "Library": "Thư viện", "Accession numbers": "Số ĐKCB", "Loan rules": "Quy định mượn",
    "Calendar": "Lịch", "&Save": "&Lưu",
    # settings tab titles, short so that all of them show at 1024 × 768
    "Acc. numbers": "Số ĐKCB", "Desk, language": "Quầy và ngôn ngữ",
    "Enter or Ctrl+S saves too": "Nhấn Enter hoặc Ctrl+S cũng lưu",
    "Library name": "Tên thư viện", "Library code": "Mã thư viện",
    "Library id: {id}": "Mã định danh thư viện: {id}", "Saved.": "Đã lưu.",
    "Collection code": "Mã kho", "Prefix": "Tiền tố", "Digits": "Số chữ số", "&Add a collection": "Thêm &kho",
    "Example: code TK, prefix “TK.”, 5 digits → TK.00001, TK.00002…":
        "Ví dụ: mã TK, tiền tố “TK.”, 5 chữ số → TK.00001, TK.00002…",
    "Patron category": "Loại bạn đọc", "Item type": "Loại tài liệu", "May borrow": "Được mượn",
    "Days": "Số ngày", "Fixed due date": "Hạn trả cố định", "Max items": "Tối đa",
    "Renewals": "Gia hạn", "Restore the &defaults": "Khôi phục &mặc định",
    "The most specific rule applies: a rule for one reader category and one item type wins "
    "over “any”. Fixed due date: 31/05 for every 31 May (textbooks), or a date such as "
    "31/05/2026; leave it empty to count days. Fine per day: đồng for each day late; 0 means "
    "no fine.":
        "Quy định cụ thể nhất được áp dụng: quy định cho một loại bạn đọc và một loại tài liệu "
        "được ưu tiên hơn quy định “mọi”. Hạn trả cố định: 31/05 cho ngày 31/5 hằng năm (sách "
        "giáo khoa), hoặc một ngày như 31/05/2026; để trống thì tính theo số ngày. Phạt mỗi "
        "ngày: số đồng cho mỗi ngày trả muộn; 0 là không phạt.",
    "Row {row}: {reason}":
        "Dòng {row}: {reason}",
    "Row {row}: days, max items, renewals and the fine are whole numbers.":
        "Dòng {row}: số ngày, số tối đa, số lần gia hạn và tiền phạt phải là số nguyên.",
    "Fine per day (đ)": "Phạt mỗi ngày (đ)",
    "Refuse new loans when a reader's unpaid fines reach":
        "Không cho mượn tiếp khi tiền phạt chưa nộp của bạn đọc lên tới",
    "never": "không bao giờ",
    "Row {row}: “{text}” is not a date (31/05 or 31/05/2026).":
        "Dòng {row}: “{text}” không phải là ngày (31/05 hoặc 31/05/2026).",
    "Two rows are for the same reader category and item type; keep one.":
        "Có hai dòng cho cùng một loại bạn đọc và loại tài liệu; hãy giữ một dòng.",
    "Add a &rule": "Thêm &quy định", "Re&move the selected rule": "&Xoá quy định đang chọn",
    "Select a rule first.": "Hãy chọn một quy định trước.",
    "The default rules are back.": "Đã khôi phục quy định mặc định.",
    "Closed every week": "Nghỉ hằng tuần", "Mon": "T2", "Tue": "T3", "Wed": "T4", "Thu": "T5",
    "Fri": "T6", "Sat": "T7", "Sun": "CN",
    "Closed periods (holidays, Tết, summer)": "Các đợt nghỉ (lễ, Tết, hè)",
    "e.g. Tết": "ví dụ Tết", "&Add": "Thê&m", "&Remove selected": "&Xoá mục đã chọn",
    "From": "Từ", "to": "đến",
    "Automatic (on loan → check in, else check out)":
        "Tự động (sách đang mượn → nhận trả, còn lại → cho mượn)",
    "Check out only": "Chỉ cho mượn", "Check in only": "Chỉ nhận trả",
    "Desk mode at start": "Chế độ quầy", "Language": "Ngôn ngữ",
    "The language changes when ThuVien starts again.":
        "Ngôn ngữ sẽ đổi khi mở lại ThuVien.",
    # fines (desk panel, patrons view)
    "Fines and charges not paid: {amount}": "Tiền phạt, đền sách chưa nộp: {amount}",
    "{date} · “{title}” ({barcode}) — {days} days late: {amount}":
        "{date} · “{title}” ({barcode}) — quá hạn {days} ngày: {amount}",
    "{date} · “{title}” ({barcode}) — lost, to replace: {amount}":
        "{date} · “{title}” ({barcode}) — mất sách, phải đền: {amount}",
    "For": "Lý do", "lost book": "mất sách", "{days} days late": "quá hạn {days} ngày",
    # part payments: the desk's payment dialog (Ctrl+T), the desk panel, the patrons view
    "paid {paid}, still owed {owed}": "đã nộp {paid}, còn nợ {owed}",
    "(paid so far: {amount})": "(đã nộp: {amount})",
    "Take a payment": "Thu tiền phạt, đền sách",
    "{name} owes {amount}.": "{name} còn nợ {amount}.",
    "Type the sum the reader brings (e.g. 10.000); the rest stays owed. The oldest debts are "
    "paid first.":
        "Gõ số tiền bạn đọc nộp (ví dụ 10.000); phần còn lại vẫn ghi nợ. Khoản nợ cũ nhất "
        "được trừ trước.",
    "Enter records the payment · Esc closes without recording":
        "Enter: ghi nhận tiền nộp · Esc: đóng, không ghi",
    "Record payment": "Ghi nhận tiền nộp",
    "Amount paid now (đ)": "Số tiền nộp lần này (đ)",
    "Type the amount paid.": "Hãy nhập số tiền.",
    "“{text}” is not an amount of đồng (e.g. 10.000).":
        "“{text}” không phải số tiền (ví dụ 10.000).",
    "Ctrl+T Take payment…": "Ctrl+T Thu tiền…",
    "Scan a library card first: Ctrl+T takes the current patron's payment.":
        "Hãy quét thẻ bạn đọc trước: Ctrl+T thu tiền của bạn đọc đang chọn.",
    "{name} owes nothing.": "{name} không còn nợ gì.",
    "Received {amount} from {name}.": "Đã thu {amount} của {name}.",
    "Still owed: {amount}.": "Còn nợ {amount}.",
    "Nothing more is owed.": "Không còn nợ gì.",
    "Payment": "Thu tiền",
    "&Print a receipt": "&In phiếu thu", "Receipt": "Phiếu thu",
    "{name}: received {amount}": "{name}: đã thu {amount}",
    "{name}: “{title}” ({barcode}), lost book — {amount}":
        "{name}: “{title}” ({barcode}), mất sách — {amount}",
    "A book lost on loan costs its reader": "Sách mượn bị mất, bạn đọc đền",
    " % of its price": " % giá sách", "nothing": "không thu",
    "Charged when a copy on loan is marked lost; cancelled if it turns up before it is paid. "
    "0: no charge (the reader brings the same book instead).":
        "Thu khi ghi mất một bản sách đang cho mượn; tự huỷ nếu tìm thấy sách trước khi nộp. "
        "0: không thu tiền (bạn đọc đền bằng cuốn sách cùng loại).",
    # copies lost / damaged / found (catalog)
    "Copy &lost…": "Bá&o mất…", "Copy &damaged": "Báo hỏn&g", "Copy f&ound": "Đã tìm thấ&y",
    "Mark the selected copy lost; a copy on loan closes its loan and, where the library charges "
    "for lost books, its reader is charged.":
        "Ghi mất bản sách đang chọn; nếu đang cho mượn, lượt mượn được đóng và bạn đọc phải đền "
        "theo quy định của thư viện.",
    "A lost or damaged copy is back: on the shelf, or kept for the next hold.":
        "Sách mất hoặc hỏng đã có lại: đưa lên giá, hoặc giữ cho người đặt trước.",
    "Copy lost": "Báo mất sách",
    "Mark copy {barcode} lost? If it is on loan, the loan is closed and stays on the reader's "
    "record.":
        "Ghi mất bản sách {barcode}? Nếu sách đang cho mượn, lượt mượn được đóng và vẫn ghi tên "
        "bạn đọc.",
    "Date": "Ngày", "Amount": "Số tiền",
    "paid {date}": "đã nộp {date}", "waived {date}: {reason}": "đã miễn {date}: {reason}",
    "waived {date} after {paid} was paid: {reason}":
        "đã miễn {date} sau khi đã nộp {paid}: {reason}",
    "not paid": "chưa nộp", "Fines — not paid: {amount}": "Tiền phạt — chưa nộp: {amount}",
    "Fine of {amount}: {status}.": "Khoản phạt {amount}: {status}.",
    "Waive a fine": "Miễn tiền phạt",
    "{name}: “{title}” ({barcode}), {days} days late — {amount}":
        "{name}: “{title}” ({barcode}), quá hạn {days} ngày — {amount}",
    "e.g. family in difficulty, book returned by post":
        "ví dụ: gia đình khó khăn, sách gửi trả qua bưu điện",
    "your name (default: the computer's login)": "tên người quyết định (mặc định: tài khoản máy)",
    "Waive": "Miễn phạt", "Reason": "Lý do", "Decided by": "Người quyết định",
    # work off the GUI thread
    "Searching patrons": "Đang tìm bạn đọc",
    "Checking the class list": "Đang kiểm tra danh sách lớp",
    "Importing the class list": "Đang nhập danh sách lớp",
    "≈ {count} found": "Tìm thấy ≈ {count}",
    # district sync: the window's runner, the settings tab, copy cataloguing
    "&Sync with the district now": "Đồng &bộ với thư viện huyện ngay",
    "Syncing with the district…": "Đang đồng bộ với thư viện huyện…",
    "District sync": "Đồng bộ huyện", "State": "Tình trạng",
    "District server": "Máy chủ huyện", "Last sync": "Lần đồng bộ cuối",
    "Changes not yet sent": "Thay đổi chưa gửi", "Last error": "Lỗi gần nhất",
    "District catalog records here": "Biểu ghi mục lục huyện trên máy này",
    "Sync key": "Khoá đồng bộ", "Sync now (Ctrl+Shift+S)": "Đồng bộ ngay (Ctrl+Shift+S)",
    "Enroll with the district library": "Ghi danh với thư viện huyện",
    "The one-time code the district gave you": "Mã dùng một lần do thư viện huyện cấp",
    "Only if the district uses its own certificate":
        "Chỉ khi thư viện huyện dùng chứng chỉ riêng",
    "C&hoose…": "C&họn…", "&Enroll": "&Ghi danh", "Server address": "Địa chỉ máy chủ",
    "Enrollment code": "Mã ghi danh", "CA certificate file": "Tệp chứng chỉ CA",
    "Readers' personal data": "Dữ liệu cá nhân của bạn đọc",
    "Send readers' names and card numbers to the district":
        "Gửi tên và số thẻ bạn đọc lên thư viện huyện",
    "Off (the default): only anonymous counts leave the school, never names, card numbers or "
    "photos.":
        "Tắt (mặc định): chỉ số liệu ẩn danh rời khỏi trường, không bao giờ có tên, số thẻ hay "
        "ảnh bạn đọc.",
    "not enrolled": "chưa ghi danh", "none": "không có",
    "Type the server address and the enrollment code.":
        "Hãy nhập địa chỉ máy chủ và mã ghi danh.",
    "Enrolling…": "Đang ghi danh…",
    "Enrolled as {code} — {name}. Syncing now.":
        "Đã ghi danh: {code} — {name}. Đang đồng bộ.",
    "Syncing…": "Đang đồng bộ…",
    "Synced: {pushed} changes sent, {pulled} district catalog records received.":
        "Đã đồng bộ: gửi {pushed} thay đổi, nhận {pulled} biểu ghi mục lục huyện.",
    "Synced: {pushed} changes sent, {kept} kept at the school (readers' details, holds, class "
    "loans), {pulled} district catalog records received.":
        "Đã đồng bộ: gửi {pushed} thay đổi, giữ lại ở trường {kept} thay đổi (thông tin bạn đọc, "
        "đặt trước, mượn theo lớp), nhận {pulled} biểu ghi mục lục huyện.",
    "Readers' names and card numbers will be sent to the district.":
        "Tên và số thẻ bạn đọc sẽ được gửi lên thư viện huyện.",
    "Only anonymous counts leave the school.": "Chỉ số liệu ẩn danh rời khỏi trường.",
    "CA certificate": "Chứng chỉ CA",
    "Certificates (*.pem *.crt *.cer);;All files (*)":
        "Chứng chỉ (*.pem *.crt *.cer);;Mọi tệp (*)",
    "District union catalog": "Mục lục liên hợp của huyện",
    "Searches this computer's copy of the district catalog ({count} records), so it works "
    "without the network.":
        "Tìm trong bản sao mục lục huyện trên máy này ({count} biểu ghi), không cần mạng.",
    "This computer has no copy of the district catalog yet: enroll and sync first "
    "(Settings → District sync).":
        "Máy này chưa có bản sao mục lục huyện: hãy ghi danh và đồng bộ trước "
        "(Cài đặt → Đồng bộ huyện).",
    "Title, author, ISBN, subject, publisher, series or year:2020…":
        "Nhan đề, tác giả, ISBN, chủ đề, nhà xuất bản, tùng thư hoặc năm:2020…",
    "Held by": "Thư viện có",
    "Stopping the sync…": "Đang dừng đồng bộ…",
    "Use this record": "Dùng biểu ghi này", "&District catalog…": "Mục lục &huyện…",
    "Copy a record from the district's union catalog (works offline)":
        "Sao một biểu ghi từ mục lục liên hợp của huyện (không cần mạng)",
    "&Open it to add copies": "&Mở để thêm bản sách",
    "This is not a valid ISBN: check the digits.":
        "Đây không phải ISBN hợp lệ: hãy kiểm tra các chữ số.",
    "Not in this library nor in the district catalog on this PC: type the record in.":
        "Chưa có trong thư viện và trong mục lục huyện trên máy này: hãy nhập biểu ghi.",
    "This library already has “{title}” ({count} copies).":
        "Thư viện đã có «{title}» ({count} bản).",
    "Filled from the district catalog: check it, choose the copies, then Save.":
        "Đã điền từ mục lục huyện: kiểm tra, chọn số bản rồi bấm Lưu.",
    "Lend by &scanning at the desk…": "Cho mượn bằng cách &quét ở quầy…",
    "Each student's card, then the copies handed to them: the copies recorded are the ones "
    "each student really has":
        "Quét thẻ từng học sinh, rồi các cuốn phát cho em đó: sổ ghi đúng cuốn mỗi em cầm",
    "Scan mo&re at the desk…": "Quét &tiếp ở quầy…",
    "Stop (back to the ordinary desk)": "Thôi (trở về quầy bình thường)",
    "Scan a student's card, then each textbook handed to them.":
        "Quét thẻ học sinh, rồi quét từng cuốn sách giáo khoa phát cho em đó.",
    "Back to the ordinary desk.": "Đã trở về quầy bình thường.",
    "Handing out textbooks to class {name} (due {due}): every copy scanned goes to the student "
    "whose card was scanned last; books outside the set are refused.":
        "Đang phát sách giáo khoa cho lớp {name} (hạn trả {due}): mỗi cuốn quét được ghi cho "
        "học sinh vừa quét thẻ; sách ngoài bộ sẽ bị từ chối.",
    "Girls marked (x)": "Nữ (đánh dấu x)",
    "Day of birth": "Ngày sinh (ngày)", "Month of birth": "Tháng sinh",
    "Year of birth": "Năm sinh",
    "In-library reading (each copy scanned is counted)":
        "Đọc tại chỗ (mỗi cuốn quét được đếm một lượt)",
    "Settings not saved": "Cài đặt chưa lưu",
    "You changed settings without pressing Save: {tabs}. Save them now?":
        "Bạn đã sửa cài đặt mà chưa bấm Lưu: {tabs}. Lưu ngay bây giờ?",
    "Discard changes?": "Bỏ những gì đã nhập?",
    "What you typed in this form is not saved yet. Close the form and lose it?":
        "Những gì bạn vừa nhập trong biểu mẫu này chưa được lưu. Đóng biểu mẫu và bỏ chúng đi?",
    # stocktake (ui/stocktake)
    'Stocktake': 'Kiểm kê',
    '&Start a stocktake…': '&Bắt đầu kiểm kê…',
    '&Close the stocktake…': '&Kết thúc kiểm kê…',
    '&Print the missing list…': '&In danh sách thiếu…',
    '&Refresh the lists': 'Làm &mới danh sách',
    '&Write-off record…': '&Lập biên bản thanh lý…',
    'Scan the books on the shelf, one by one…': 'Quét lần lượt từng cuốn sách trên giá…',
    'Scan the books on the shelf, one by one.': 'Quét lần lượt từng cuốn sách trên giá.',
    'Accession no.': 'Số ĐKCB',
    'Expected': 'Cần kiểm',
    'Found': 'Đã thấy',
    'On loan': 'Đang mượn',
    'Missing': 'Còn thiếu',
    'Not found yet (shelf order)': 'Chưa thấy (theo thứ tự trên giá)',
    'By collection and location': 'Theo kho và vị trí',
    'No stocktake is open.': 'Chưa có đợt kiểm kê nào đang mở.',
    'Start a stocktake (Alt+S), then scan every book on the shelves. Scans are saved at once: you can stop and go on another day.': 'Bắt đầu kiểm kê (Alt+B), rồi quét từng cuốn sách trên giá. Mỗi lần quét được lưu ngay: có thể dừng và làm tiếp vào hôm khác.',
    'Expected {expected} · found {found} · on loan {on_loan} · missing {missing}': 'Cần kiểm {expected} · đã thấy {found} · đang mượn {on_loan} · còn thiếu {missing}',
    'Close the stocktake': 'Kết thúc kiểm kê',
    '{count} copies were not found. What should happen to them?': 'Có {count} bản không tìm thấy. Xử lý các bản này thế nào?',
    'Mark them &lost': 'Ghi &mất tất cả',
    '&Leave them for next time': 'Để &lại cho lần sau',
    "Reading the stocktake lists": "Đang đọc danh sách kiểm kê",
    "Closing the stocktake": "Đang kết thúc kiểm kê",
    "{count} could not be lent: see who below.":
        "{count} bản chưa cho mượn được: xem tên học sinh bên dưới.",
    "Write-off record {number} made: {count} copies, value {value} đ.":
        "Đã lập biên bản thanh lý {number}: {count} bản, trị giá {value} đ.",
    'Stocktake closed: expected {expected}, present {present}, on loan {on_loan}, missing {missing}, marked lost {lost}.': 'Đã kết thúc kiểm kê: cần kiểm {expected}, có {present}, đang mượn {on_loan}, thiếu {missing}, đánh dấu mất {lost}.',
    'Missing list': 'Danh sách sách thiếu',
    '{count} copies not found': '{count} bản chưa thấy',
    'Start a stocktake': 'Bắt đầu kiểm kê',
    'Tick the collections and/or locations to count; tick nothing to count the whole library.': 'Đánh dấu các kho và/hoặc vị trí cần kiểm; không đánh dấu gì thì kiểm toàn thư viện.',
    'Collections': 'Kho',
    'Locations': 'Vị trí',
    '&Start': '&Bắt đầu',
    'Scan or type an accession number, Enter': 'Quét hoặc gõ số ĐKCB rồi Enter',
    '&Number:': '&Số biên bản:',
    '&Date:': '&Ngày:',
    '&Reason:': '&Lý do:',
    '&Approved by:': 'Người &duyệt:',
    'N&ote:': 'Ghi &chú:',
    'Cop&ies:': '&Quét sách:',
    'Add the copies the last stocktake did not &find': 'Thêm các bản &thiếu khi kiểm kê',
    '&Take out of the list': '&Xoá khỏi danh sách',
    'Ma&ke the record': 'Lập &biên bản',
    '{barcode} is already on the list.': '{barcode} đã có trong danh sách.',
    '{count} copies added from the stocktake.': 'Đã thêm {count} bản từ lần kiểm kê.',
    '{count} copies, value {value} đ': '{count} bản, trị giá {value} đ',
    "Then show its list of copies to &print": "Sau đó &in danh sách",
    "List of copies written off": "Danh sách sách thanh lý",
    # reports (ui/reports)
    "Reports": "Sổ sách, thống kê",
    "Individual register (sổ đăng ký cá biệt)": "Sổ đăng ký cá biệt",
    "General register (sổ đăng ký tổng quát)": "Sổ đăng ký tổng quát",
    "Textbook register (sổ đăng ký SGK)": "Sổ đăng ký sách giáo khoa",
    "Statistics of a period": "Thống kê theo kỳ",
    "Loan book: students (sổ mượn học sinh)": "Sổ mượn của học sinh",
    "Loan book: teachers and staff (sổ mượn giáo viên)": "Sổ mượn của giáo viên, nhân viên",
    "Loan book: all readers (sổ mượn)": "Sổ mượn của mọi bạn đọc",
    "Reading-room tally (phiếu thống kê lượt đọc)": "Phiếu thống kê lượt đọc",
    "Fines received (sổ thu tiền phạt)": "Sổ thu tiền phạt",
    "Annual report of a school year (báo cáo năm học)": "Báo cáo năm học",
    "School ye&ar:": "Năm &học:",
    "List of copies written off (danh sách sách thanh lý)": "Danh sách sách thanh lý",
    "&Write-off record:": "&Biên bản thanh lý:",
    "No write-off record yet": "Chưa có biên bản thanh lý nào",
    "{number}, {day}: {count} copies, {value} đ": "{number}, {day}: {count} bản, {value} đ",
    "This school year": "Năm học này", "This month": "Tháng này", "Last month": "Tháng trước",
    "Everything": "Toàn bộ", "Days typed below": "Tự chọn ngày",
    "All collections": "Mọi kho",
    "&Show": "&Xem", "Save P&DF…": "Lưu &PDF…", "Save &Excel…": "Lưu &Excel…",
    "Pr&int…": "&In…",
    "Choose a register and a period, then Show.": "Chọn sổ hoặc thống kê và kỳ, rồi bấm Xem.",
    "&Register:": "&Sổ:", "&Period:": "&Kỳ:", "Fro&m:": "Từ &ngày:", "U&ntil:": "Đến ngà&y:",
    "Co&llection:": "Kh&o:",
    "Making the report": "Đang lập sổ",
    "{pages} page(s), {rows} line(s)": "{pages} trang, {rows} dòng",
    "Saved {file} ({pages})": "Đã lưu {file} ({pages})",
    "Cancelled: nothing was saved.": "Đã huỷ: không lưu gì.",
    "Save Excel": "Lưu Excel", "Excel workbooks (*.xlsx)": "Tệp Excel (*.xlsx)",
    "Printing": "Đang in",
    "Sent {count} page(s) to {printer}": "Đã gửi {count} trang tới {printer}",
    "Printing cancelled: nothing was sent to {printer}": "Đã huỷ in: không gửi gì tới {printer}",
    "The printer {name} could not be opened: check that it is switched on and connected.":
        "Không mở được máy in {name}: hãy kiểm tra máy in đã bật và đã kết nối.",
    "Everything dated is stopped (lending, returns, payments, stocktakes…): {reason}":
        "Đã dừng mọi việc có ghi ngày (mượn, trả, thu tiền, kiểm kê…): {reason}",
    "Stopped: this computer's date is in question — see the red strip above.":
        "Đã dừng: ngày trên máy tính có vấn đề — xem dải đỏ ở trên.",
    "Wrong date on this computer: {date}": "Ngày giờ trên máy tính sai: {date}",
    "This computer's &date is right…": "&Ngày trên máy đã đúng…",
    "Is this computer's date right?": "Ngày trên máy có đúng không?",
    "This computer's date: {now}. The library recorded up to: {latest}. Confirm only if today "
    "really is {now} — if this computer has just lost its date ({dead}), set its clock instead "
    "of clicking here.":
        "Ngày trên máy: {now}. Thư viện đã ghi đến: {latest}. Chỉ xác nhận nếu hôm nay đúng là "
        "{now} — nếu máy vừa bị mất ngày ({dead}), hãy chỉnh đồng hồ máy thay vì bấm ở đây.",
    "&Yes, today is {date}": "&Xác nhận: hôm nay là {date}",
    "&No, I will set the clock": "&Không, tôi sẽ chỉnh đồng hồ máy",
}


def lupdate(ts: Path) -> None:
    """Refresh *ts* from the sources under ui/ (existing translations are kept)."""
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([str(tool), "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts)],
                   check=True, stdout=subprocess.DEVNULL)


def fill(ts: Path, lang: str) -> list[str]:
    """Fill untranslated messages of *ts*; return the sources still missing."""
    tree = ET.parse(ts)
    root = tree.getroot()
    root.set("language", "vi_VN" if lang == "vi" else "en_US")
    root.set("sourcelanguage", "en_US")
    missing = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.text and translation.get("type") != "unfinished":
            continue
        text = VI.get(source) if lang == "vi" else source
        if text is None:
            missing.append(source)
            continue
        translation.text = text
        translation.attrib.pop("type", None)
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    status = 0
    for lang in ("vi", "en"):
        ts = HERE / f"thuvien_{lang}.ts"
        lupdate(ts)
        missing = fill(ts, lang)
        for source in missing:
            print(f"{ts.name}: no translation for {source!r}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
