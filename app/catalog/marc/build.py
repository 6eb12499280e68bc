"""Writing a correct MARC21 bibliographic record from the "add record" form's fields."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from app.catalog.marc.clean import clean
from app.catalog.marc.model import Field, MarcRecord
from app.text import nfc

if TYPE_CHECKING:
    from app.catalog.marc.extract import BibData

# Leader: new record, language material, monograph, UTF-8, minimal level, ISBD/RDA punctuation.
LEADER = "00000nam a2200000 i 4500"
_ARTICLES = {
    "eng": ("the ", "a ", "an "),
    "fre": ("le ", "la ", "les ", "l'", "un ", "une "),
    "ger": ("der ", "die ", "das ", "ein ", "eine "),
}
_END = (".", "?", "!")


def nonfiling(title: str, language: str | None) -> int:
    """How many leading characters of *title* a sort should skip (MARC 245 second indicator).

    Vietnamese has no articles, so Vietnamese titles file from their first letter.

    >>> nonfiling("The old man and the sea", "eng"), nonfiling("Những người khốn khổ", "vie")
    (4, 0)
    """
    lowered = title.lower()
    for article in _ARTICLES.get(language or "", ()):
        if lowered.startswith(article) and len(title) > len(article):
            return min(9, len(article))
    return 0


def _name_field(tag: str, name: str) -> Field:
    # "Nguyễn, Văn A" is inverted (surname first: ind1 1); "Ngô Tất Tố" is in direct order (ind1 0).
    return Field(tag, None, "1" if "," in name else "0", " ", [("a", _terminate(name, "."))])


def _terminate(text: str, mark: str) -> str:
    text = text.rstrip()
    if mark == "." and text.endswith(_END):
        return text
    return text + mark


def _fixed_field(bib: BibData, entered: date) -> str:
    dates = f"s{bib.year:04d}    "[:9] if bib.year else "nuuuu    "
    language = (bib.language or "vie")[:3].ljust(3)
    country = "vm " if language == "vie" else "xx "
    book = "    " + " " + " " + "    " + " " + "0" + "0" + "0" + " " + "0" + " "
    return entered.strftime("%y%m%d") + dates + country + book + language + " " + "d"


def _title_field(bib: BibData, has_main_entry: bool) -> Field:
    title = clean(bib.title) or "[Không nhan đề]"
    main, sep, rest = title.partition(" : ")
    volume = clean(bib.volume) if bib.volume and not bib.series else ""
    responsibility = clean(bib.responsibility) if bib.responsibility else ""
    parts: list[tuple[str, str]] = [("a", main)]
    if sep and rest:
        parts.append(("b", rest))
    if volume:
        parts.append(("n", volume))
    if responsibility:
        parts.append(("c", responsibility))
    subs: list[tuple[str, str]] = []
    for i, (code, text) in enumerate(parts):
        following = parts[i + 1][0] if i + 1 < len(parts) else ""
        if following == "b":
            text += " :"
        elif following == "c":
            text += " /"
        elif following in ("n", ""):
            text = _terminate(text, ".")
        subs.append((code, text))
    return Field("245", None, "1" if has_main_entry else "0",
                 str(nonfiling(main, bib.language)), subs)


def _publication_field(bib: BibData, tag: str) -> Field | None:
    parts = [(c, v) for c, v in (("a", bib.place), ("b", bib.publisher),
                                 ("c", str(bib.year) if bib.year else None)) if v]
    if not parts:
        return None
    subs: list[tuple[str, str]] = []
    for i, (code, text) in enumerate(parts):
        following = parts[i + 1][0] if i + 1 < len(parts) else ""
        if following == "b":
            text += " :"
        elif following == "c":
            text += ","
        elif following == "":
            text = _terminate(text, ".")
        else:  # place followed directly by the date
            text += ","
        subs.append((code, text))
    return Field(tag, None, " ", "1" if tag == "264" else " ", subs)


def build_record(
    bib: BibData,
    *,
    publication_tag: str = "264",
    entered: date | None = None,
    now: datetime | None = None,
) -> MarcRecord:
    """A MARC21 record (UTF-8 leader, 008, 020, 082, 100/700, 245, 250, 264/260, 490, 5XX, 650)
    from form fields, with ISBD punctuation and the indicators cataloguers expect.

    *publication_tag* is ``"264"`` (RDA, default) or ``"260"`` (AACR2). Items are not part of
    the record here: the writers add them as 952/852 fields.

    >>> from app.catalog.marc.extract import BibData, extract
    >>> rec = build_record(BibData(title="Tắt đèn", authors=["Ngô Tất Tố"], year=2019, publisher="Văn học", place="Hà Nội"))
    >>> [(f.tag, f.text()) for f in rec.get_fields("100", "245", "264")]
    [('100', 'Ngô Tất Tố.'), ('245', 'Tắt đèn.'), ('264', 'Hà Nội : Văn học, 2019.')]
    >>> extract(rec).title, extract(rec).year
    ('Tắt đèn', 2019)
    """
    stamp = now or datetime.now(UTC)
    fields: list[Field] = []
    if bib.control_number:
        fields.append(Field("001", bib.control_number))
    if bib.control_org:
        fields.append(Field("003", bib.control_org))
    fields.append(Field("005", stamp.strftime("%Y%m%d%H%M%S.0")))
    fields.append(Field("008", _fixed_field(bib, entered or stamp.date())))
    for isbn in bib.isbns:
        fields.append(Field("020", None, " ", " ", [("a", isbn)]))
    if bib.language:
        fields.append(Field("041", None, "0", " ", [("a", bib.language)]))
    if bib.classification:
        fields.append(Field("082", None, "0", "4", [("a", bib.classification)]))
    authors = [clean(a) for a in bib.authors if clean(a)]
    if authors:
        fields.append(_name_field("100", authors[0]))
    fields.append(_title_field(bib, bool(authors)))
    if bib.edition:
        fields.append(Field("250", None, " ", " ", [("a", _terminate(clean(bib.edition), "."))]))
    publication = _publication_field(bib, publication_tag)
    if publication is not None:
        fields.append(publication)
    if bib.series:
        subs = [("a", clean(bib.series) + (" ;" if bib.volume else ""))]
        if bib.volume:
            subs.append(("v", clean(bib.volume)))
        fields.append(Field("490", None, "0", " ", subs))
    for note in (bib.notes or "").splitlines():
        if note.strip():
            fields.append(Field("500", None, " ", " ", [("a", _terminate(note.strip(), "."))]))
    for subject in bib.subjects:
        parts = [p.strip() for p in subject.split("--") if p.strip()]
        if parts:
            subs = [("a", parts[0])] + [("x", p) for p in parts[1:]]
            last_code, last = subs[-1]
            subs[-1] = (last_code, _terminate(last, "."))
            fields.append(Field("650", None, " ", "4", subs))
    for name in authors[1:]:
        fields.append(_name_field("700", name))
    for f in fields:
        if f.data is not None:
            f.data = nfc(f.data)
        else:
            f.subfields = [(c, nfc(v)) for c, v in f.subfields]
    return MarcRecord(LEADER, fields)
