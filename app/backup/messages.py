"""User-visible messages of backup and restore (Vietnamese first, English too)."""

from __future__ import annotations

from app.i18n import Text

NOT_FOUND = Text("Không tìm thấy tệp sao lưu {path}.", "The backup file {path} was not found.")
NOT_SQLITE = Text(
    "Tệp {path} không phải là bản sao lưu ThuVien (không phải CSDL SQLite).",
    "The file {path} is not a ThuVien backup (not an SQLite database).",
)
CORRUPT = Text(
    "Tệp sao lưu {path} bị hỏng (kiểm tra toàn vẹn: {detail}). Hãy chọn một bản sao lưu khác.",
    "The backup file {path} is damaged (integrity check: {detail}). Choose another backup.",
)
NOT_THUVIEN = Text(
    "Tệp {path} là CSDL SQLite nhưng không phải thư viện ThuVien.",
    "The file {path} is an SQLite database but not a ThuVien library.",
)
TOO_NEW = Text(
    "Bản sao lưu {path} được tạo bởi phiên bản ThuVien mới hơn (lược đồ {found}, bản này hỗ "
    "trợ đến {supported}). Hãy cập nhật ThuVien trước khi khôi phục.",
    "The backup {path} was made by a newer ThuVien (schema {found}; this version knows up to "
    "{supported}). Update ThuVien before restoring it.",
)
FOLDER_UNUSABLE = Text(
    "Không ghi được vào thư mục sao lưu {folder}: {reason}. Hãy kiểm tra USB hoặc chọn thư mục "
    "khác.",
    "Cannot write to the backup folder {folder}: {reason}. Check the USB stick or choose another "
    "folder.",
)
COPY_BAD = Text(
    "Bản sao lưu vừa tạo không đạt kiểm tra ({detail}); đã xoá nó. Thư viện không bị ảnh hưởng.",
    "The backup just written failed its check ({detail}) and was removed. The library is "
    "unaffected.",
)
IN_USE = Text(
    "Thư viện {path} đang được mở ở một cửa sổ hoặc chương trình khác. Hãy đóng nó rồi khôi "
    "phục lại.",
    "The library {path} is open in another window or program. Close it and restore again.",
)
RESTORE_FAILED = Text(
    "Không khôi phục được ({reason}). Thư viện hiện tại vẫn giữ nguyên.",
    "The restore failed ({reason}). The current library is unchanged.",
)
