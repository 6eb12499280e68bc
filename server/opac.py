"""The public search page of the union catalog: ``GET /`` (and ``/opac``) on the district
server.

Plain HTML made on the server, no JavaScript: a search box and, for a query, the union
records found (:mod:`server.catalog_search`) with title, authors, year, ISBNs and each
holding library's copies and how many are available. Vietnamese by default, English with
``?lang=en``. No login: it shows only what the union catalog holds (no borrowers, no
copies' barcodes). ``THUVIEN_DISTRICT_OPAC=0`` turns it off (the routes then answer 404).
Left out of the OpenAPI schema (it is a page, not part of the API).
"""

from __future__ import annotations

import unicodedata
from html import escape
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Engine

from server import catalog_search
from server.db import read

PAGE_SIZE = 20
MAX_PAGE = 500
#: Long enough for a catalogue card's description pasted whole (its ISBN comes last) and for
#: the 64 words the search reads (app.catalog.query.MAX_TERMS).
MAX_QUERY = 1000

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "Mục lục liên hợp — tra cứu",
        "heading": "Tra cứu mục lục liên hợp",
        "intro": "Sách của các thư viện trường học và thư viện xã trong huyện. Gõ từ trong "
                 "nhan đề, tên tác giả, chủ đề, nhà xuất bản hoặc tùng thư (có dấu hay không "
                 "dấu đều được), hoặc số ISBN; thêm year:2020 để chỉ tìm sách xuất bản năm "
                 "đó.",
        "label": "Từ khoá",
        "button": "Tìm",
        "found": "Tìm thấy {total} biểu ghi",
        "more": "hơn {total}",
        "first": "; sau đây là {shown} biểu ghi đầu tiên — thêm từ để thu hẹp",
        "none": "Không tìm thấy biểu ghi nào cho «{query}».",
        "year": "Năm xuất bản",
        "held": "Có tại",
        "library": "Thư viện",
        "copies": "Số bản",
        "available": "Sẵn có",
        "nowhere": "Chưa thư viện nào có bản sách này.",
        "previous": "← Trang trước",
        "next": "Trang sau →",
        "page": "Trang {page}",
        "other": "English",
        "privacy": "Trang này chỉ cho biết thư viện nào có sách và còn bao nhiêu bản; "
                   "không có thông tin về bạn đọc.",
    },
    "en": {
        "title": "Union catalog — search",
        "heading": "Search the union catalog",
        "intro": "Books of the district's school and commune libraries. Type words of the "
                 "title, an author's name, a subject, the publisher or the series (with or "
                 "without Vietnamese marks), or an ISBN; add year:2020 for the books published "
                 "that year.",
        "label": "Search words",
        "button": "Search",
        "found": "{total} records found",
        "found_one": "1 record found",
        "more": "more than {total}",
        "first": "; here are the first {shown} — add words to narrow the search",
        "none": "No record found for “{query}”.",
        "year": "Published",
        "held": "Held by",
        "library": "Library",
        "copies": "Copies",
        "available": "Available",
        "nowhere": "No library holds a copy of this title.",
        "previous": "← Previous page",
        "next": "Next page →",
        "page": "Page {page}",
        "other": "Tiếng Việt",
        "privacy": "This page only shows which libraries hold a title and how many copies "
                   "are available; nothing about readers.",
    },
}

_STYLE = """
body{font-family:"Noto Sans","Segoe UI",Arial,sans-serif;max-width:52rem;margin:1.5rem auto;
padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.5rem;margin:0 0 .5rem}form{margin:1rem 0}
input[type=search]{font-size:1.1rem;padding:.35rem;width:70%}
button{font-size:1.1rem;padding:.35rem .9rem}
ol{padding-left:1.5rem}li{margin:0 0 1.1rem}.t{font-weight:bold;font-size:1.1rem}
.m{color:#444}table{border-collapse:collapse;margin-top:.3rem}
td,th{border:1px solid #ccc;padding:.15rem .5rem;text-align:left}td.n{text-align:right}
.lang{float:right}.note{color:#555;font-size:.9rem}
"""
_HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                                       "form-action 'self'",
            "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _number(text: str | None, default: int, low: int, high: int) -> int:
    if text is None or not text.isascii() or not text.isdigit() or len(text) > 6:
        return default
    return max(low, min(high, int(text)))


def clean_query(text: str) -> str:
    """The query as searched and shown: control characters (a NUL, a form feed) dropped, runs
    of white space made one space, at most :data:`MAX_QUERY` characters.

    >>> clean_query("  tiếng\\x00 việt\\t1 ")
    'tiếng việt 1'
    """
    kept = "".join(" " if ch.isspace() else ch for ch in text
                   if ch.isspace() or not unicodedata.category(ch).startswith("C"))
    return " ".join(kept.split())[:MAX_QUERY]


def last_page(total: int) -> int:
    """The last page a search of *total* hits has (at least 1, at most :data:`MAX_PAGE`).

    >>> last_page(219), last_page(0), last_page(20), last_page(10**6)
    (11, 1, 1, 50)
    """
    shown = min(total, catalog_search.RANK_CAP)
    return max(1, min(MAX_PAGE, (shown + PAGE_SIZE - 1) // PAGE_SIZE))


def _count(number: int, lang: str) -> str:
    """A count as the page's language writes it (20.000 / 20,000)."""
    return f"{number:,}".replace(",", "." if lang == "vi" else ",")


def _link(query: str, lang: str, page: int) -> str:
    params: dict[str, str] = {"q": query}
    if lang != "vi":
        params["lang"] = lang
    if page > 1:
        params["page"] = str(page)
    return "?" + urlencode(params)


def _hit(hit: dict[str, Any], t: dict[str, str]) -> str:
    meta = []
    if hit["author"]:
        meta.append(_e(hit["author"]))
    if hit["year"]:
        meta.append(f"{_e(t['year'])}: {_e(hit['year'])}")
    if hit["isbn"]:
        meta.append("ISBN " + ", ".join(_e(i) for i in hit["isbn"]))
    parts = [f'<li><div class="t">{_e(hit["title"])}</div>']
    if meta:
        parts.append(f'<div class="m">{" · ".join(meta)}</div>')
    if hit["holdings"]:
        rows = "".join(
            f'<tr><td>{_e(h["name"])} ({_e(h["library"])})</td>'
            f'<td class="n">{_e(h["copies"])}</td><td class="n">{_e(h["available"])}</td></tr>'
            for h in hit["holdings"])
        parts.append(f'<table><tr><th>{_e(t["library"])}</th><th>{_e(t["copies"])}</th>'
                     f'<th>{_e(t["available"])}</th></tr>{rows}</table>')
    else:
        parts.append(f'<div class="m">{_e(t["nowhere"])}</div>')
    parts.append("</li>")
    return "".join(parts)


def render(query: str, lang: str, page: int, result: dict[str, Any] | None) -> str:
    """The page for *query* (empty: the search box only) in *lang* ("vi" or "en")."""
    t = TEXTS[lang]
    other = "en" if lang == "vi" else "vi"
    body = [f'<a class="lang" href="{_e(_link(query, other, 1))}">{_e(t["other"])}</a>',
            f'<h1>{_e(t["heading"])}</h1><p>{_e(t["intro"])}</p>',
            '<form method="get" action="" role="search">',
            f'<label for="q">{_e(t["label"])}</label> ',
            f'<input type="search" id="q" name="q" value="{_e(query)}" maxlength="{MAX_QUERY}" '
            'autofocus> ',
            '<input type="hidden" name="lang" value="en">' if lang == "en" else "",
            f'<button type="submit">{_e(t["button"])}</button></form>']
    if result is not None:
        total = int(result["total"])
        if total == 0:
            body.append(f'<p>{_e(t["none"].format(query=query))}</p>')
        else:
            shown = min(total, catalog_search.RANK_CAP)
            pages = (shown + PAGE_SIZE - 1) // PAGE_SIZE
            count = _count(total, lang)
            said = t["found"].format(total=count if result["total_exact"]
                                     else t["more"].format(total=count))
            if total == 1 and "found_one" in t:
                said = t["found_one"]
            if shown < total:
                said += t["first"].format(shown=_count(shown, lang))
            body.append(f'<p>{_e(said)}'
                        + (f' — {_e(t["page"].format(page=page))}' if pages > 1 else "")
                        + "</p>")
            body.append(f'<ol start="{(page - 1) * PAGE_SIZE + 1}">')
            body.extend(_hit(h, t) for h in result["hits"])
            body.append("</ol>")
            links = []
            if page > 1:
                links.append(f'<a href="{_e(_link(query, lang, page - 1))}">{_e(t["previous"])}</a>')
            if page < min(pages, MAX_PAGE):
                links.append(f'<a href="{_e(_link(query, lang, page + 1))}">{_e(t["next"])}</a>')
            if links:
                body.append("<p>" + " &nbsp; ".join(links) + "</p>")
    body.append(f'<p class="note">{_e(t["privacy"])}</p>')
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{_e(t["title"])}</title><style>{_STYLE}</style></head>'
            f'<body>{"".join(body)}</body></html>\n')


def install(app: FastAPI, engine: Engine) -> None:
    """Add the page's routes (``/`` and ``/opac``) to *app*, outside the OpenAPI schema."""

    def page(request: Request) -> HTMLResponse:
        params = request.query_params
        lang = "en" if params.get("lang") == "en" else "vi"
        query = clean_query(params.get("q", ""))
        number = _number(params.get("page"), 1, 1, MAX_PAGE)
        result = None
        if query:
            with read(engine) as conn:
                result = catalog_search.search(conn, query, limit=PAGE_SIZE,
                                               offset=(number - 1) * PAGE_SIZE)
                if not result["hits"] and number > last_page(int(result["total"])):
                    # A page past the end (an old link, a typed number): the last one, not
                    # "Trang 500" over an empty list.
                    number = last_page(int(result["total"]))
                    result = catalog_search.search(conn, query, limit=PAGE_SIZE,
                                                   offset=(number - 1) * PAGE_SIZE)
        return HTMLResponse(render(query, lang, number, result), headers=_HEADERS)

    # Plain routes, not API routes: a page, outside the API (and its OpenAPI schema).
    app.add_route("/", page, methods=["GET"], include_in_schema=False)
    app.add_route("/opac", page, methods=["GET"], include_in_schema=False)
