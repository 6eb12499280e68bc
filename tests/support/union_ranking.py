"""A small union catalog (pushed by one library) on which the district's union search and a
library's cached union search (``thuvien union-search``) must give the same hits in the
same order: exact title, title beginning with the query, title words, title and author
words, then words found in subjects, publishers or series, by title within each."""

from __future__ import annotations

from typing import Any

#: Keyword arguments of ``CatalogService.add_record`` (also pushed as a record's fields).
RECORDS: list[dict[str, Any]] = [
    {"title": "Truyện Kiều", "authors": ["Nguyễn Du"], "subjects": ["Thơ", "Văn học Việt Nam"],
     "publisher": "Văn học", "year": 2015},
    {"title": "Góc sân và khoảng trời", "authors": ["Trần Đăng Khoa"],
     "subjects": ["Thơ thiếu nhi"], "publisher": "Kim Đồng", "series": "Tủ sách vàng",
     "year": 2019},
    {"title": "Bài ca em đến trường", "authors": ["Nguyễn Thị Thơ"], "year": 2019},
    {"title": "Tuyển tập thơ", "authors": ["Xuân Quỳnh"], "year": 2010},
    {"title": "Thơ Tố Hữu chọn lọc", "authors": ["Tố Hữu"], "year": 2012},
    {"title": "Thơ", "authors": ["Tố Hữu"], "year": 2019},
]

#: (query, every hit's title, best first)
ORDERS: list[tuple[str, list[str]]] = [
    ("thơ", ["Thơ", "Thơ Tố Hữu chọn lọc", "Tuyển tập thơ", "Bài ca em đến trường",
             "Góc sân và khoảng trời", "Truyện Kiều"]),
    ("THO", ["Thơ", "Thơ Tố Hữu chọn lọc", "Tuyển tập thơ", "Bài ca em đến trường",
             "Góc sân và khoảng trời", "Truyện Kiều"]),
    ("to huu", ["Thơ Tố Hữu chọn lọc", "Thơ"]),  # in the title, then in the authors
    ("van hoc", ["Truyện Kiều"]),  # a subject and a publisher
    ("kim đồng", ["Góc sân và khoảng trời"]),  # a publisher
    ("tủ sách vàng", ["Góc sân và khoảng trời"]),  # a series
    ("subject:thơ", ["Góc sân và khoảng trời", "Truyện Kiều"]),
    ("year:2019", ["Bài ca em đến trường", "Góc sân và khoảng trời", "Thơ"]),
    ("thơ year:2019", ["Thơ", "Bài ca em đến trường", "Góc sân và khoảng trời"]),
    ("Truyện Kiều / Nguyễn Du. - H. : Văn học, 2015. - 200 tr.", ["Truyện Kiều"]),
]
