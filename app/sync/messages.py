"""What the sync module says to people (Vietnamese first, English too)."""

from __future__ import annotations

from app.errors import UserError
from app.i18n import Text

# {detail} (the exception's class name, kept in the parameters for the log) is not shown:
# "ConnectionError" means nothing to a librarian.
OFFLINE = Text("Không kết nối được máy chủ thư viện huyện: máy này chưa có mạng, hoặc máy chủ "
               "đang tắt. Sẽ thử lại sau.",
               "Cannot reach the district server: this computer has no network, or the server "
               "is off. Will try again later.")
TIMEOUT = Text("Máy chủ thư viện huyện không trả lời kịp (mạng chậm hoặc máy chủ quá bận). "
               "Sẽ thử lại sau.",
               "The district server did not answer in time (a slow network or a busy server). "
               "Will try again later.")
TLS = Text("Không xác minh được chứng chỉ bảo mật của máy chủ ({detail}). Kiểm tra địa chỉ "
           "hoặc tệp chứng chỉ CA trong cài đặt đồng bộ.",
           "The server's security certificate could not be verified ({detail}). Check the "
           "address or the CA file in the sync settings.")
# A certificate "not yet valid" by this PC's date (a clock back in 2009): not the address's
# or the CA file's fault, as TLS's words would have the librarian believe.
TLS_CLOCK = Text("Ngày trên máy tính ({now}) sai nên không kiểm tra được chứng chỉ bảo mật "
                 "của máy chủ huyện. Hãy chỉnh lại ngày giờ của máy (Windows: bấm chuột phải "
                 "vào đồng hồ → Điều chỉnh ngày/giờ); đồng bộ sẽ tự chạy lại.",
                 "This computer's date ({now}) is wrong, so the district server's security "
                 "certificate cannot be checked. Set the computer's date and time (Windows: "
                 "right-click the clock → Adjust date/time); sync will run again by itself.")
TOKEN_REFUSED = Text("Máy chủ không nhận khoá của thư viện này. Hãy xin mã ghi danh mới ở thư "
                     "viện huyện và ghi danh lại.",
                     "The server refused this library's token. Ask the district library for a "
                     "new enrollment code and enroll again.")
NOT_ENROLLED = Text("Thư viện chưa ghi danh với máy chủ huyện (Cài đặt → Đồng bộ huyện, "
                    "hoặc lệnh thuvien sync enroll URL MÃ).",
                    "This library is not enrolled with a district server (Settings → District "
                    "sync, or the command thuvien sync enroll URL CODE).")
ENROLL_REFUSED = Text("Máy chủ từ chối mã ghi danh: {detail}",
                      "The server refused the enrollment code: {detail}")
ENROLL_CODE_INVALID = Text(
    "Mã ghi danh không đúng, đã được dùng rồi hoặc đã hết hạn (mỗi mã chỉ dùng một lần). "
    "Kiểm tra lại mã, hoặc xin thư viện huyện một mã mới.",
    "The enrollment code is wrong, already used or expired (each code works once). Check it, "
    "or ask the district library for a new one.")
ENROLL_OTHER_DATABASE = Text(
    "Thư viện của mã này đã ghi danh từ một CSDL khác. Nếu đã chuyển sang máy mới, hãy báo "
    "thư viện huyện.",
    "This code's library is already enrolled from another database. If the library moved to "
    "a new computer, tell the district library.")
ENROLL_OTHER_LIBRARY = Text(
    "CSDL này đã ghi danh là thư viện {library} rồi; không ghi danh lần nữa dưới mã khác.",
    "This database is already enrolled as library {library}; it cannot enroll again under "
    "another code.")
ENROLL_OFFLINE = Text(
    "Không kết nối được máy chủ {url}. Kiểm tra địa chỉ và đường mạng rồi ghi danh lại.",
    "Cannot reach the server {url}. Check the address and the network, then enroll again.")
SERVER_ERROR = Text("Máy chủ huyện gặp lỗi ({status}). Sẽ thử lại sau.",
                    "The district server had an error ({status}). Will try again later.")
BAD_ANSWER = Text("Máy chủ huyện trả lời không hợp lệ: {detail}",
                  "The district server gave an invalid answer: {detail}")
WRONG_DATABASE = Text("Khoá đồng bộ thuộc về một CSDL thư viện khác. Hãy ghi danh lại.",
                      "The sync token belongs to another library database. Enroll again.")
BAD_URL = Text("Địa chỉ máy chủ «{url}» không hợp lệ (cần https://... hoặc http://127.0.0.1...).",
               "The server address “{url}” is not valid (use https://..., or http:// only on "
               "this computer).")
STORED_KEYRING = Text("Khoá đồng bộ được cất trong kho mật khẩu của hệ điều hành ({backend}).",
                      "The sync token is kept in the operating system's keyring ({backend}).")
STORED_FILE = Text("Không có kho mật khẩu của hệ điều hành; khoá đồng bộ được cất trong tệp "
                   "{path}, chỉ tài khoản máy tính của bạn mới mở được.",
                   "No operating-system keyring is available; the sync token is kept in the "
                   "file {path}, readable only by your account.")
NEVER = Text("chưa bao giờ", "never")


class SyncError(UserError):
    """Sync could not be done; the message says why in words. ``retry`` says if trying later
    can help (offline, server error) or the user must act (token refused)."""

    def __init__(self, code: str, text: Text, retry: bool = True, **params: object) -> None:
        super().__init__(code, text, **params)
        self.retry = retry


MESSAGES: dict[str, Text] = {
    "sync.offline": OFFLINE, "sync.timeout": TIMEOUT, "sync.tls": TLS,
    "sync.tls_clock": TLS_CLOCK,
    "sync.token_refused": TOKEN_REFUSED,
    "sync.not_enrolled": NOT_ENROLLED, "sync.enroll_refused": ENROLL_REFUSED,
    "sync.server_error": SERVER_ERROR, "sync.bad_answer": BAD_ANSWER,
    "sync.wrong_database": WRONG_DATABASE, "sync.bad_url": BAD_URL,
    "sync.enroll_code_invalid": ENROLL_CODE_INVALID,
    "sync.enroll_other_database": ENROLL_OTHER_DATABASE,
    "sync.enroll_other_library": ENROLL_OTHER_LIBRARY, "sync.enroll_offline": ENROLL_OFFLINE,
}
