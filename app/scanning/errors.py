"""Errors of the scanning core: unreadable inputs, missing decoders and camera trouble.

Every one is a :class:`app.errors.UserError`, so the CLI prints one line and the desk shows a
message while it goes on with the USB scanner.
"""

from __future__ import annotations

from app.errors import UserError
from app.i18n import Text

UNREADABLE_IMAGE = Text(
    "Không đọc được tệp ảnh/video: {path}",
    "Cannot read image or video file: {path}",
)
PHONE_FORMAT_IMAGE = Text(
    "Ảnh {path} ở định dạng {format} (ảnh chụp của điện thoại) mà ThuVien chưa đọc được. "
    "Hãy lưu lại ảnh dạng JPEG (trên iPhone: Cài đặt → Camera → Định dạng → Tương thích nhất).",
    "The picture {path} is in the {format} format (a phone's photo), which ThuVien cannot read yet. "
    "Save it as JPEG (on an iPhone: Settings → Camera → Formats → Most Compatible).",
)
MISSING_FILE = Text("Không có tệp: {path}", "No such file: {path}")
BACKEND_MISSING = Text(
    "Bộ giải mã mã vạch '{backend}' không dùng được trên máy này ({reason}).",
    "Barcode decoder '{backend}' is not available on this computer ({reason}).",
)
NO_BACKEND = Text(
    "Không có bộ giải mã mã vạch nào (cần zxing-cpp hoặc pyzbar + libzbar).",
    "No barcode decoder is available (install zxing-cpp, or pyzbar with libzbar).",
)
CAMERA_NOT_FOUND = Text(
    "Không tìm thấy camera {camera}. Quầy vẫn dùng được máy quét USB.",
    "No camera {camera} was found. The desk still works with the USB scanner.",
)
CAMERA_BUSY = Text(
    "Camera {camera} đang bị chương trình khác sử dụng (hoặc không gửi hình). "
    "Hãy đóng chương trình đó rồi bật lại camera; quầy vẫn dùng được máy quét USB.",
    "Camera {camera} is in use by another program (or sends no picture). "
    "Close that program and switch the camera on again; the desk still works with the USB scanner.",
)
CAMERA_LOST = Text(
    "Camera {camera} đã bị rút ra hoặc ngừng gửi hình. Quầy vẫn dùng được máy quét USB.",
    "Camera {camera} was unplugged or stopped sending pictures. The desk still works with the USB scanner.",
)


class ScanInputError(UserError):
    """An image or video file is missing or cannot be decoded as a picture."""


class BackendUnavailableError(UserError):
    """The barcode decoder asked for (zxing-cpp or zbar) cannot be loaded."""


class CameraError(UserError):
    """A camera problem; the desk carries on with the USB scanner."""


class CameraNotFoundError(CameraError):
    """No camera with the chosen number exists."""


class CameraBusyError(CameraError):
    """The camera exists but another program holds it (or it delivers no picture)."""


class CameraDisconnectedError(CameraError):
    """The camera delivered pictures, then stopped (unplugged mid-use)."""
