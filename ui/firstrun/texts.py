"""Every string the first-run and backup windows show, in Vietnamese and English.

These windows use :class:`app.i18n.Text` (the language chosen at start-up) rather than Qt's
``.ts`` files, so they are complete in both languages without a translation step.
"""

from __future__ import annotations

from app.i18n import Text

WIZARD_TITLE = Text("Thiết lập thư viện", "Set up the library")
SKIP = Text("&Bỏ qua, để sau", "&Skip for now")
SKIP_NOTE = Text("Có thể làm lại bất cứ lúc nào: Công cụ → Thiết lập thư viện.",
                 "You can do this later at any time: Tools → Set up the library.")

IDENTITY_TITLE = Text("Thư viện của bạn", "Your library")
IDENTITY_SUB = Text("Tên và mã thư viện in trên nhãn, thẻ bạn đọc và báo cáo.",
                    "The library's name and code appear on labels, patron cards and reports.")
NAME = Text("Tên thư viện:", "Library name:")
NAME_HINT = Text("Ví dụ: Thư viện Trường THCS Lê Lợi", "e.g. Lê Lợi Lower Secondary School Library")
CODE = Text("Mã thư viện:", "Library code:")
CODE_HINT = Text("Chữ không dấu và số, ví dụ THCS-LELOI", "Letters and digits, e.g. THCS-LELOI")
CODE_BAD = Text("Mã chỉ gồm chữ cái không dấu, chữ số và dấu gạch ngang (tối đa 20 ký tự).",
                "The code may only hold plain letters, digits and hyphens (at most 20).")
KIND = Text("Loại thư viện:", "Kind of library:")
SCHOOL = Text("Thư viện trường học", "School library")
COMMUNE = Text("Thư viện xã / phường", "Commune library")

YEAR_TITLE = Text("Năm học và số đăng ký cá biệt", "School year and accession numbers")
YEAR_SUB = Text("Số ĐKCB là mã vạch dán trên từng cuốn sách.",
                "The accession number is the barcode on each copy.")
YEAR = Text("Năm học hiện tại:", "Current school year:")
YEAR_BAD = Text("Năm học viết dạng 2025-2026.", "Write the school year as 2025-2026.")
SCHEME = Text("Cách đánh số ĐKCB:", "Accession numbers:")
SCHEME_SCHOOL = Text("Theo loại sách: GK.00001, TK.00001, NV.00001, TN.00001",
                     "By kind of book: GK.00001, TK.00001, NV.00001, TN.00001")
SCHEME_DISTRICT = Text("Theo khổ sách: VN.00001, VV.00001, VL.00001",
                       "By book size: VN.00001, VV.00001, VL.00001")
SCHEME_KEEP = Text("Giữ cách đánh số đang dùng: {examples}",
                   "Keep the numbering in use: {examples}")
SCHEME_PLAIN = Text("Chỉ có số: 000001, 000002…", "Numbers only: 000001, 000002…")
WIDTH = Text("Số chữ số:", "Digits:")
PREVIEW = Text("Cuốn đầu tiên sẽ là: {example}", "The first copy will be: {example}")
NEXT_PREVIEW = Text("Cuốn nhập tiếp theo sẽ là: {example}", "The next copy will be: {example}")

IMPORT_TITLE = Text("Nhập dữ liệu có sẵn", "Bring in existing data")
IMPORT_SUB = Text("Không bắt buộc: có thể nhập sau trong Biên mục và Bạn đọc.",
                  "Optional: you can also import later from Catalog and Patrons.")
CHOOSE_MARC = Text("Chọn tệp MARC…", "Choose a MARC file…")
CHOOSE_CLASS = Text("Chọn danh sách lớp…", "Choose a class list…")
# The same on the import page's buttons, with their Alt letters.
CHOOSE_MARC_BUTTON = Text("Chọn tệp &MARC…", "Choose a &MARC file…")
CHOOSE_CLASS_BUTTON = Text("Chọn danh sách &lớp…", "Choose a c&lass list…")
NOTHING_CHOSEN = Text("(chưa chọn)", "(none chosen)")
#: The file dialog's filter for MARC files: every extension the real files ThuVien reads come
#: with (ISO 2709, MARCXML, MARC-in-JSON and its line-delimited form, MarcEdit's text forms).
_MARC_PATTERNS = ("*.mrc *.marc *.iso *.dat *.usmarc *.xml *.json *.ndj *.jsonl *.mrk "
                  "*.mrk8")
MARC_FILTER = Text(f"Tệp MARC ({_MARC_PATTERNS});;Mọi tệp (*)",
                   f"MARC files ({_MARC_PATTERNS});;All files (*)")
CLASS_FILTER = Text("Danh sách lớp (*.xlsx *.csv);;Mọi tệp (*)",
                    "Class lists (*.xlsx *.csv);;All files (*)")
IMPORTING_MARC = Text("Đang nhập biểu ghi MARC", "Importing MARC records")
IMPORTING_CLASS = Text("Đang nhập danh sách lớp", "Importing the class list")
MARC_DONE = Text("Đã nhập {imported} biểu ghi mới, gộp {merged}, {items} bản sách; bỏ qua "
                 "{skipped}.",
                 "Imported {imported} new records, merged {merged}, {items} copies; {skipped} "
                 "skipped.")
CLASS_DONE = Text("Đã nhập danh sách lớp: {summary}", "Class list imported: {summary}")

MENU_SETUP = Text("&Thiết lập thư viện…", "Set &up the library…")
MENU_BACKUP_NOW = Text("&Sao lưu ngay", "Back up &now")
MENU_BACKUPS = Text("Sao lưu và &khôi phục…", "Backups and &restore…")

BACKUP_TITLE = Text("Sao lưu và khôi phục", "Backups and restore")
FOLDER = Text("Thư mục sao lưu (có thể là USB):", "Backup folder (may be a USB stick):")
CHANGE = Text("Đổ&i…", "C&hange…")
EVERY = Text("Tự động sao lưu mỗi", "Back up automatically every")
MINUTES = Text(" phút", " minutes")
KEEP_DAILY = Text("Giữ bản của", "Keep copies of the last")
DAYS = Text(" ngày gần nhất", " days")
KEEP_MONTHLY = Text("và của", "and of the last")
MONTHS = Text(" tháng gần nhất", " months")
COLUMNS = (Text("Thời điểm", "Taken"), Text("Mã thư viện", "Library code"),
           Text("Dung lượng", "Size"), Text("Tệp", "File"))
BACK_UP_NOW = Text("&Sao lưu ngay", "&Back up now")
RESTORE = Text("&Khôi phục bản đã chọn…", "&Restore the selected backup…")
RESTORE_FILE = Text("Khôi phục từ &tệp khác…", "Restore from another &file…")
CLOSE = Text("Đóng", "Close")
OTHER_LIBRARY_ROW = Text("{code} (thư viện khác)", "{code} (another library)")
OTHER_LIBRARY_TIP = Text("Bản sao lưu của thư viện khác: {name}", "A backup of another library: {name}")
UNREADABLE_ROW = Text("{code} (không đọc được)", "{code} (unreadable)")
BACKING_UP = Text("Đang sao lưu…", "Backing up…")
READING_BACKUPS = Text("Đang đọc danh sách bản sao lưu…", "Reading the list of backups…")
BACKED_UP = Text("Đã sao lưu và kiểm tra: {file}", "Backed up and checked: {file}")
LAST_BACKUP = Text("Lần sao lưu gần nhất: {when}", "Last backup: {when}")
NO_BACKUP_YET = Text("Chưa có bản sao lưu nào của thư viện này trong thư mục này.",
                     "No backup of this library in this folder yet.")
BACKUP_FAILED = Text("Sao lưu không thành công", "Backup failed")
CHECKING_BACKUP = Text("Đang kiểm tra bản sao lưu…", "Checking the backup…")
RESTORING = Text("Đang khôi phục…", "Restoring…")
WAIT_BACKUP = Text("ThuVien đang sao lưu. Hãy đợi sao lưu xong rồi đóng.",
                   "ThuVien is making a backup. Wait until it has finished, then close.")
WAIT_CHECK = Text("ThuVien đang kiểm tra bản sao lưu. Hãy đợi kiểm tra xong.",
                  "ThuVien is checking the backup. Wait until it has finished.")
WAIT_RESTORE = Text("ThuVien đang khôi phục thư viện. Hãy đợi khôi phục xong.",
                    "ThuVien is restoring the library. Wait until it has finished.")
CLOSE_ANYWAY = Text(
    "ThuVien vẫn đang ghi bản sao lưu. Đóng ngay bây giờ? Bản sao lưu dở dang sẽ không được "
    "giữ lại; dữ liệu thư viện không bị ảnh hưởng.",
    "ThuVien is still writing the backup. Close now? The unfinished backup will not be kept; "
    "the library's data is not affected.")
CLOSING_AFTER_BACKUP = Text("Đang sao lưu… ThuVien sẽ đóng khi sao lưu xong.",
                            "Backing up… ThuVien closes when the backup has finished.")
CONFIRM_RESTORE = Text(
    "Khôi phục thư viện{which} từ bản sao lưu lúc {when}?\n\n"
    "Dữ liệu hiện tại được giữ lại thành một tệp riêng ({aside}). "
    "ThuVien sẽ khởi động lại.",
    "Restore the library{which} from the backup of {when}?\n\n"
    "The current data is kept aside as a separate file ({aside}). ThuVien will restart.",
)
NAMED = Text(" «{name}»", " “{name}”")   # a library never set up has no name: left out
OTHER_LIBRARY = Text(
    "\n\nChú ý: bản sao lưu này thuộc một thư viện khác{code}.",
    "\n\nNote: this backup belongs to another library{code}.",
)
OTHER_CODE = Text(" (mã {code})", " (code {code})")
RESTORED = Text("Đã khôi phục. Bản cũ được giữ ở:\n{previous}\n\nThuVien sẽ mở lại.",
                "Restored. The previous data is kept at:\n{previous}\n\nThuVien will reopen.")
RESTORE_FAILED = Text("Khôi phục không thành công", "Restore failed")
BACKUP_FILE_FILTER = Text("Bản sao lưu ThuVien (*.sqlite3);;Mọi tệp (*)",
                          "ThuVien backups (*.sqlite3);;All files (*)")
BACK = Text("< &Quay lại", "< &Back")
NEXT = Text("&Tiếp >", "&Next >")
FINISH = Text("&Hoàn tất", "&Finish")
CANCEL = Text("Huỷ", "Cancel")
