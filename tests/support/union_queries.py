"""Queries that the desktop's union cache search (``thuvien union-search``) and the district's
union catalog search must read as ``thuvien search`` reads them, over three union records:
Truyện Kiều (Nguyễn Du, 2015, ISBN :data:`KIEU_ISBN`), Tiếng Việt 1 (ISBN 9786040219251) and
Đất rừng phương Nam (Đoàn Giỏi, 2019)."""

from __future__ import annotations

KIEU_ISBN = "9786049690365"
TV1_ISBN = "9786040219251"
PAGE = " ".join(["Truyện", "Kiều", "Nguyễn", "Du"] * 500)  # 2,000 words pasted

#: (query, the title found first)
FOUND = [
    ("Ｔｒｕｙệｎ Ｋｉềｕ", "Truyện Kiều"),  # full-width, as some input methods type
    ("ＴＩẾＮＧ ＶＩỆＴ １", "Tiếng Việt 1"),
    ("Truyện Kiều / Nguyễn Du. - H. : Văn học, 2015. - 200 tr.", "Truyện Kiều"),  # ISBD
    ("Truyện Kiều / Nguyễn Du. - Tái bản lần thứ 3. - H. : Văn học, 2015. - 200 tr. ; "
     "21 cm. - ISBN 978-604-969-036-5", "Truyện Kiều"),
    (PAGE, "Truyện Kiều"),
    ("title:truyen kieu", "Truyện Kiều"),
    ("title: truyện kiều", "Truyện Kiều"),
    ("author:nguyen du", "Truyện Kiều"),
    ("truyen kieu year:2020-2010", "Truyện Kiều"),  # a reversed range
    ("kieu isbn:978-604-969-036-5", "Truyện Kiều"),
    ("ISBN 978-604-969-036-5", "Truyện Kiều"),
    ("\u00d0ẤT RỪNG", "Đất rừng phương Nam"),  # Ð (U+00D0) typed for Đ
    ('"dat rung" phuong', "Đất rừng phương Nam"),
    ("tiếng việt:1", "Tiếng Việt 1"),  # an unknown qualifier is words
    ("tieng vi", "Tiếng Việt 1"),  # every word a word prefix, as before
    ("year:2019", "Đất rừng phương Nam"),  # a year alone lists that year's books
    (f"isbn:{KIEU_ISBN} year:2015", "Truyện Kiều"),
]

#: Queries that find nothing, and must say so rather than fail.
NOTHING = [
    "title:", "year:", "isbn:", "title:truyen kieu author:doan", "truyen kieu year:2000-1990",
    f"kieu isbn:{TV1_ISBN}", " ".join(f"tu{n}" for n in range(2000)),
    " ".join("abcdefghijklmnopqrstuvwxyz" * 40), '"', "AND OR NOT", "(", "*", "kieu NEAR",
    "title:nguyen du", "author:truyen kieu", "':*", "a\\b & !c | d", "issn:0866-8",
    f"isbn:{KIEU_ISBN} year:2019", f"{KIEU_ISBN} year:2019",
]
