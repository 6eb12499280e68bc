"""ISO 2709 records written the way old Vietnamese catalogs wrote them: text in TCVN3 (ABC),
VNI or Windows-1258 bytes (or ISO-8859-1 for European sources) under a blank leader/09,
which says MARC-8 — as CDS/ISIS (WinISIS) and early local programs exported them."""

from __future__ import annotations

from collections.abc import Callable

from app import legacy_text
from tests.support.windows_1258 import encode_cp1258

ENCODERS: dict[str, Callable[[str], bytes]] = {
    "tcvn3": lambda text: legacy_text.encode_tcvn3(text).encode("latin-1"),
    "vni": lambda text: legacy_text.encode_vni(text).encode("latin-1"),
    "cp1258": encode_cp1258,
    "latin-1": lambda text: text.encode("latin-1"),
    "utf-8": lambda text: text.encode("utf-8"),
}


def iso_record(fields: list[tuple[str, bytes]], leader9: bytes = b" ") -> bytes:
    """One ISO 2709 record (with its 0x1D) of *fields* (tag, body bytes without the 0x1E),
    the lengths and the directory right, leader/09 *leader9*."""
    directory, data = b"", b""
    for tag, body in fields:
        directory += tag.encode() + b"%04d%05d" % (len(body) + 1, len(data))
        data += body + b"\x1e"
    base = 24 + len(directory) + 1
    leader = b"%05dnam %s22%05d a 4500" % (base + len(data) + 1, leader9, base)
    return leader + directory + b"\x1e" + data + b"\x1d"


def book(encoding: str, number: str, title: str, author: str, place: str, publisher: str,
         subject: str, barcode: str, leader9: bytes = b" ") -> bytes:
    """A book's record with its text in *encoding* (a key of :data:`ENCODERS`): 245 (title
    and statement of responsibility), 100, 260, 650 and one 952 copy."""
    enc = ENCODERS[encoding]
    return iso_record([
        ("001", number.encode()),
        ("008", b"150601s2015    vm            000 0 vie d"),
        ("100", b"1 \x1fa" + enc(author)),
        ("245", b"10\x1fa" + enc(title) + b" /\x1fc" + enc(author) + b"."),
        ("260", b"  \x1fa" + enc(place) + b" :\x1fb" + enc(publisher) + b",\x1fc2015"),
        ("650", b" 4\x1fa" + enc(subject)),
        ("952", b"  \x1fp" + barcode.encode() + b"\x1foTK"),
    ], leader9)


#: Realistic Vietnamese books (title, author, place, publisher, subject).
VIETNAMESE_BOOKS = [
    ("Truyện Kiều", "Nguyễn Du", "Hà Nội", "Nhà xuất bản Giáo dục Việt Nam", "Văn học Việt Nam"),
    ("Đất rừng phương Nam", "Đoàn Giỏi", "TP. Hồ Chí Minh", "Kim Đồng", "Truyện thiếu nhi"),
    ("Tiếng Việt 1 - Tập một", "Bộ Giáo dục và Đào tạo", "Hà Nội", "Giáo dục Việt Nam",
     "Sách giáo khoa"),
    ("Dế Mèn phiêu lưu ký", "Tô Hoài", "Hà Nội", "Kim Đồng", "Văn học thiếu nhi"),
    ("Tắt đèn", "Ngô Tất Tố", "Hà Nội", "Văn học", "Tiểu thuyết Việt Nam"),
    ("Những ngôi sao xa xôi", "Lê Minh Khuê", "Hà Nội", "Hội Nhà văn", "Truyện ngắn"),
]
