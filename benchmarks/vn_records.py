"""Realistic Vietnamese MARC21 records for benchmarks (titles, authors with diacritics,
valid ISBNs, DDC numbers, subjects and 952 copies), with a Zipf-like word frequency so that
common words are common as in a real catalog."""

from __future__ import annotations

import random
from collections.abc import Iterator

from app.catalog.isbn import ean13_check_digit
from app.catalog.marc import Field, ItemData, MarcRecord

WORDS = (
    "việt nam lịch sử văn học tiếng việt toán học khoa học tự nhiên địa lí sinh học vật lí hóa học "
    "truyện ngắn tiểu thuyết thơ ca dao tục ngữ kỹ năng sống giáo dục công dân âm nhạc mĩ thuật "
    "thể dục tin học công nghệ đạo đức thiếu nhi cổ tích dân gian hà nội sài gòn huế miền nam "
    "miền bắc miền trung quê hương đất nước mùa xuân mùa thu mẹ cha thầy cô bạn bè tuổi thơ học trò "
    "trường lớp em yêu cuộc sống thế giới động vật thực vật biển đảo núi rừng sông hồng mê kông "
    "chiến tranh hòa bình anh hùng bác hồ danh nhân khám phá bí ẩn vũ trụ trái đất môi trường "
    "khí hậu nông nghiệp kinh tế xã hội văn hóa phong tục lễ hội tết nguyên đán ẩm thực gia đình "
    "hạnh phúc ước mơ tình yêu tình bạn nghị lực thành công bài học kinh nghiệm hướng dẫn sổ tay "
    "từ điển bách khoa tuyển tập tác phẩm chọn lọc nâng cao cơ bản luyện thi ôn tập bài tập sách giáo "
    "khoa tập một tập hai lớp sáu lớp bảy lớp tám lớp chín phương pháp dạy học đổi mới sáng tạo "
    "trí tuệ nhân tạo máy tính lập trình internet an toàn giao thông sức khỏe dinh dưỡng tâm lí "
    "tuổi mới lớn những điều cần biết câu chuyện nhỏ ngày xưa chú bé dế mèn phiêu lưu kí cánh đồng "
    "bất tận mắt biếc tôi thấy hoa vàng trên cỏ xanh cây cam ngọt của tôi nhật kí đặng thùy trâm"
).split()
FAMILY = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh".split()
MIDDLE = "Văn Thị Hữu Đức Minh Ngọc Thanh Quang Xuân Thu Kim Hồng Gia Bảo".split()
GIVEN = ("Anh Ánh Bình Châu Cường Dũng Duy Đào Giang Hà Hải Hạnh Hiếu Hòa Hùng Hương Khánh Lan "
         "Linh Long Mai Nam Nga Nhung Phong Phúc Phương Quân Quỳnh Sơn Tâm Thảo Thủy Trâm Trung "
         "Tuấn Vân Vinh Yến").split()
PUBLISHERS = ["Giáo dục Việt Nam", "Kim Đồng", "Trẻ", "Văn học", "Hội Nhà văn", "Thế giới",
              "Lao động", "Phụ nữ Việt Nam", "Đại học Quốc gia Hà Nội", "Tổng hợp TP. Hồ Chí Minh"]
PLACES = ["Hà Nội", "TP. Hồ Chí Minh", "Đà Nẵng", "Huế"]
DDC = ["895.9223", "895.92234", "959.7", "372.6", "510", "530", "540", "570", "610", "621.3",
       "004", "370", "398.209597", "915.97", "780", "741.5", "796", "306.09597"]
SUBJECTS = ["Văn học Việt Nam", "Truyện thiếu nhi", "Lịch sử Việt Nam", "Giáo dục tiểu học",
            "Toán học", "Khoa học tự nhiên", "Kỹ năng sống", "Địa lí Việt Nam", "Tin học",
            "Sách giáo khoa", "Văn hóa dân gian", "Âm nhạc", "Thể thao"]


def _zipf_choice(rng: random.Random, items: list[str]) -> str:
    index = int(len(items) * rng.random() ** 2.2)  # skewed towards the first words
    return items[min(index, len(items) - 1)]


def _isbn(number: int) -> str:
    """A Vietnamese ISBN-13 (978-604-...) of its own for each record number below 10**6.

    The 978-604 group has only 10**6 numbers: random ones would repeat across a million
    records, and the importer rightly merges records sharing an ISBN, so "1M records" would
    really be about 630,000. 7919 is prime to 10**6, so this is a one-to-one shuffle.
    """
    body = "978604" + f"{number * 7919 % 10**6:06d}"
    return body + ean13_check_digit(body)


def person(rng: random.Random) -> str:
    """A Vietnamese name: family, middle, given."""
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def title(rng: random.Random) -> str:
    """A plausible Vietnamese title of 2-7 words."""
    words = [_zipf_choice(rng, WORDS) for _ in range(rng.randint(2, 7))]
    return " ".join(words).capitalize()


def records(count: int, seed: int = 7, first_number: int = 1
            ) -> Iterator[tuple[MarcRecord, list[ItemData]]]:
    """*count* records with 1-3 copies each, reproducible for a given *seed*."""
    rng = random.Random(seed)
    for n in range(first_number, first_number + count):
        author = person(rng)
        year = rng.randint(1990, 2025)
        t = title(rng)
        fields = [
            Field("001", f"VN{n:08d}"),
            Field("003", "VN-BENCH"),
            Field("008", f"250101s{year}    vm            000 0 vie d"),
            Field("020", None, " ", " ", [("a", _isbn(n)), ("c", f"{rng.randint(20, 200)}000đ")]),
            Field("082", None, "0", "4", [("a", rng.choice(DDC)), ("2", "23")]),
            Field("100", None, "1", " ", [("a", author + ",")]),
            Field("245", None, "1", "0", [("a", t + " /"), ("c", author + ".")]),
            Field("264", None, " ", "1", [("a", rng.choice(PLACES) + " :"),
                                          ("b", rng.choice(PUBLISHERS) + ","),
                                          ("c", str(year) + ".")]),
            Field("300", None, " ", " ", [("a", f"{rng.randint(40, 400)} tr. ;"), ("c", "21 cm.")]),
            Field("650", None, " ", "7", [("a", rng.choice(SUBJECTS))]),
        ]
        if rng.random() < 0.3:
            fields.append(Field("700", None, "1", " ", [("a", person(rng))]))
        if rng.random() < 0.4:
            fields.append(Field("500", None, " ", " ", [("a", "Sách " + title(rng).lower())]))
        collection = rng.choice(["TK", "TK", "TN", "GK", "NV"])
        items = [ItemData(barcode=f"{collection}.{n:07d}{c}", call_number=None,
                          collection=collection, location="Kho mở", price=float(rng.randint(20, 200) * 1000),
                          item_type="book", acquired_on=f"{year}-09-0{rng.randint(1, 9)}",
                          source="Mua", note=None)
                 for c in "ABC"[:rng.randint(1, 3)]]
        yield MarcRecord("00000nam a2200000 i 4500", fields), items


def queries(count: int, seed: int = 11) -> list[str]:
    """Typical 1-3 word searches, the last word often still being typed (a prefix)."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.6:
            words = title(rng).lower().split()[: rng.randint(1, 3)]
        elif kind < 0.9:
            words = person(rng).split()[rng.randint(0, 1):]
            words = words[: rng.randint(1, 3)]
        else:
            words = [rng.choice(SUBJECTS).split()[0]]
        last = words[-1]
        if rng.random() < 0.6 and len(last) > 2:
            words[-1] = last[: rng.randint(2, len(last) - 1)]
        out.append(" ".join(words))
    return out
