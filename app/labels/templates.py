"""Label sheet templates as data: page size, grid, label size, margins and pitch, in millimetres.

Built-in sheets live in ``resources/labels/*.json`` (geometry read from the gLabels template
database); a librarian's own sheets are saved as JSON files in a folder the caller chooses::

    >>> t = load_template("avery-l7651")                     # doctest: +SKIP
    >>> t.per_sheet, t.label_width, t.label_height           # doctest: +SKIP
    (65, 38.1, 21.2)

A template file holds ``name``, ``title`` (a string, or ``{"vi": ..., "en": ...}``),
``page_width``/``page_height``, ``columns``/``rows``, ``label_width``/``label_height``,
``left``/``top`` (position of the first label's top-left corner), ``pitch_x``/``pitch_y``
(distance between the left/top edges of neighbouring labels; ``gap_x``/``gap_y`` may be given
instead) and optionally ``corner_radius`` and ``suited_for`` (label kinds it is meant for).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.errors import NotFoundError, ValidationError
from app.i18n import Text, language

BUILTIN_DIR = Path(__file__).resolve().parents[2] / "resources" / "labels"
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_TOLERANCE = 0.005  # mm; rounding in the source data

NOT_FOUND = Text("Không có mẫu giấy nhãn “{name}”", "No label sheet template named “{name}”")
BAD_FILE = Text("Tệp mẫu giấy nhãn {path} không đọc được: {error}",
                "Label sheet template file {path} cannot be read: {error}")
BAD_NAME = Text(
    "Tên mẫu “{name}” không hợp lệ: chỉ dùng chữ thường không dấu, số, dấu chấm, gạch nối (tối đa 64 ký tự)",
    "Template name “{name}” is not valid: use lower-case letters without accents, digits, '.', '-' or '_' (at most 64)",
)
BUILTIN_NAME = Text("“{name}” là tên một mẫu có sẵn; hãy đặt tên khác cho mẫu của bạn",
                    "“{name}” is the name of a built-in template; give your sheet another name")
MISSING = Text("Mẫu giấy nhãn thiếu giá trị “{field}”", "The label sheet template lacks “{field}”")
NOT_NUMBER = Text("“{field}” phải là một số (mm), không phải “{value}”",
                  "“{field}” must be a number (mm), not “{value}”")
NOT_POSITIVE = Text("“{field}” phải lớn hơn 0 (đang là {value})", "“{field}” must be greater than 0 (it is {value})")
NEGATIVE = Text("“{field}” không được âm (đang là {value} mm)", "“{field}” cannot be negative (it is {value} mm)")
BAD_COUNT = Text("Số cột và số hàng phải là số nguyên từ 1 đến 100 (đang là {columns} cột, {rows} hàng)",
                 "Columns and rows must be whole numbers from 1 to 100 (they are {columns} and {rows})")
OVERLAP_X = Text(
    "Các nhãn chồng lên nhau theo chiều ngang: bước ngang {pitch} mm nhỏ hơn chiều rộng nhãn {width} mm",
    "Labels overlap across: the horizontal pitch {pitch} mm is less than the label width {width} mm",
)
OVERLAP_Y = Text(
    "Các nhãn chồng lên nhau theo chiều dọc: bước dọc {pitch} mm nhỏ hơn chiều cao nhãn {height} mm",
    "Labels overlap down: the vertical pitch {pitch} mm is less than the label height {height} mm",
)
TOO_WIDE = Text(
    "Nhãn vượt quá mép phải của trang: {columns} cột kết thúc ở {end} mm nhưng trang chỉ rộng {page} mm",
    "Labels run off the right edge: {columns} columns end at {end} mm but the page is {page} mm wide",
)
TOO_TALL = Text(
    "Nhãn vượt quá mép dưới của trang: {rows} hàng kết thúc ở {end} mm nhưng trang chỉ cao {page} mm",
    "Labels run off the bottom edge: {rows} rows end at {end} mm but the page is {page} mm tall",
)
RADIUS = Text("Bán kính góc {radius} mm quá lớn cho nhãn {width} × {height} mm",
              "Corner radius {radius} mm is too large for a {width} × {height} mm label")


@dataclass(frozen=True)
class SheetTemplate:
    """One sheet of labels; every length in millimetres, origin at the page's top-left corner."""

    name: str
    title: str
    columns: int
    rows: int
    label_width: float
    label_height: float
    left: float
    top: float
    pitch_x: float
    pitch_y: float
    page_width: float = 210.0
    page_height: float = 297.0
    corner_radius: float = 0.0
    suited_for: tuple[str, ...] = field(default=())
    source: str = ""
    builtin: bool = False

    @property
    def per_sheet(self) -> int:
        """Labels on one sheet."""
        return self.columns * self.rows

    @property
    def gap_x(self) -> float:
        """Space between neighbouring labels across (mm)."""
        return self.pitch_x - self.label_width

    @property
    def gap_y(self) -> float:
        """Space between neighbouring labels down (mm)."""
        return self.pitch_y - self.label_height

    def validate(self) -> None:
        """Raise :class:`ValidationError` unless every label fits on the page without overlapping.

        >>> SheetTemplate("x", "x", 3, 1, 80, 30, 5, 5, 80, 30).validate()
        Traceback (most recent call last):
        ...
        app.errors.ValidationError: Nhãn vượt quá mép phải của trang: 3 cột kết thúc ở 245 mm nhưng trang chỉ rộng 210 mm
        """
        if not _NAME.match(self.name):
            raise ValidationError("labels.template.name", BAD_NAME, name=self.name)
        for name in ("page_width", "page_height", "label_width", "label_height"):
            value = getattr(self, name)
            if not value > 0:
                raise ValidationError("labels.template.size", NOT_POSITIVE, field=name, value=_mm(value))
        for name in ("left", "top", "corner_radius"):
            value = getattr(self, name)
            if value < 0:
                raise ValidationError("labels.template.negative", NEGATIVE, field=name, value=_mm(value))
        if not (1 <= self.columns <= 100 and 1 <= self.rows <= 100):
            raise ValidationError("labels.template.count", BAD_COUNT, columns=self.columns, rows=self.rows)
        if self.columns > 1 and self.pitch_x < self.label_width - _TOLERANCE:
            raise ValidationError("labels.template.overlap", OVERLAP_X, pitch=_mm(self.pitch_x),
                                  width=_mm(self.label_width))
        if self.rows > 1 and self.pitch_y < self.label_height - _TOLERANCE:
            raise ValidationError("labels.template.overlap", OVERLAP_Y, pitch=_mm(self.pitch_y),
                                  height=_mm(self.label_height))
        right = self.left + (self.columns - 1) * self.pitch_x + self.label_width
        if right > self.page_width + _TOLERANCE:
            raise ValidationError("labels.template.fit", TOO_WIDE, columns=self.columns, end=_mm(right),
                                  page=_mm(self.page_width))
        bottom = self.top + (self.rows - 1) * self.pitch_y + self.label_height
        if bottom > self.page_height + _TOLERANCE:
            raise ValidationError("labels.template.fit", TOO_TALL, rows=self.rows, end=_mm(bottom),
                                  page=_mm(self.page_height))
        if self.corner_radius * 2 > min(self.label_width, self.label_height):
            raise ValidationError("labels.template.radius", RADIUS, radius=_mm(self.corner_radius),
                                  width=_mm(self.label_width), height=_mm(self.label_height))

    def to_json(self) -> dict[str, Any]:
        """The template as a JSON-ready dict (the format of the template files)."""
        data = asdict(self)
        data.pop("builtin")
        data["suited_for"] = list(self.suited_for)
        return data


def _mm(value: float) -> str:
    return f"{value:g}" if language() == "en" else f"{value:g}".replace(".", ",")


def _number(data: dict[str, Any], key: str, default: float | None = None) -> float:
    value = data.get(key, default)
    if value is None:
        raise ValidationError("labels.template.missing", MISSING, field=key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        try:
            return float(str(value).replace(",", "."))
        except ValueError:
            raise ValidationError("labels.template.number", NOT_NUMBER, field=key, value=value) from None
    return float(value)


def _count(data: dict[str, Any], key: str) -> int:
    value = _number(data, key)
    if value != int(value):
        raise ValidationError("labels.template.count", BAD_COUNT, columns=data.get("columns"),
                              rows=data.get("rows"))
    return int(value)


def template_from_dict(data: dict[str, Any], *, builtin: bool = False) -> SheetTemplate:
    """Build and validate a template from a dict (a parsed template file or the editor's fields).

    ``gap_x``/``gap_y`` may replace ``pitch_x``/``pitch_y``; a one-column sheet needs neither.

    >>> t = template_from_dict({"name": "decal-a5", "title": "Decal", "page_width": 148,
    ...     "page_height": 210, "columns": 2, "rows": 5, "label_width": 60, "label_height": 30,
    ...     "left": 10, "top": 10, "gap_x": 5, "gap_y": 5})
    >>> t.pitch_x, t.per_sheet
    (65.0, 10)
    """
    if "name" not in data:
        raise ValidationError("labels.template.missing", MISSING, field="name")
    width = _number(data, "label_width")
    height = _number(data, "label_height")
    pitch_x = _number(data, "pitch_x") if "pitch_x" in data else width + _number(data, "gap_x", 0.0)
    pitch_y = _number(data, "pitch_y") if "pitch_y" in data else height + _number(data, "gap_y", 0.0)
    title = data.get("title", data["name"])
    if isinstance(title, dict):
        title = str(title.get(language()) or title.get("vi") or data["name"])
    template = SheetTemplate(
        name=str(data["name"]),
        title=str(title),
        columns=_count(data, "columns"),
        rows=_count(data, "rows"),
        label_width=width,
        label_height=height,
        left=_number(data, "left"),
        top=_number(data, "top"),
        pitch_x=pitch_x,
        pitch_y=pitch_y,
        page_width=_number(data, "page_width", 210.0),
        page_height=_number(data, "page_height", 297.0),
        corner_radius=_number(data, "corner_radius", 0.0),
        suited_for=tuple(str(k) for k in data.get("suited_for", ())),
        source=str(data.get("source", "")),
        builtin=builtin,
    )
    template.validate()
    return template


def _read(path: Path, builtin: bool) -> SheetTemplate:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationError("labels.template.file", BAD_FILE, path=str(path), error=str(exc)) from None
    if not isinstance(data, dict):
        raise ValidationError("labels.template.file", BAD_FILE, path=str(path), error="not a JSON object")
    return template_from_dict(data, builtin=builtin)


def list_templates(user_dir: Path | None = None) -> list[SheetTemplate]:
    """Every built-in template, then the librarian's own from *user_dir*, each sorted by name.

    A broken file in *user_dir* raises :class:`ValidationError` naming the file.
    """
    found = [_read(p, True) for p in sorted(BUILTIN_DIR.glob("*.json"))]
    if user_dir is not None and user_dir.is_dir():
        found += [_read(p, False) for p in sorted(user_dir.glob("*.json"))]
    return found


def load_template(name: str, user_dir: Path | None = None) -> SheetTemplate:
    """The template called *name*: the librarian's own in *user_dir* first, then the built-in one."""
    if _NAME.match(name):
        for folder, builtin in ((user_dir, False), (BUILTIN_DIR, True)):
            if folder is not None and (folder / f"{name}.json").is_file():
                return _read(folder / f"{name}.json", builtin)
    raise NotFoundError("labels.template.not_found", NOT_FOUND, name=name)


def save_template(template: SheetTemplate, user_dir: Path) -> Path:
    """Validate *template* and save it as ``<user_dir>/<name>.json``; returns the file written.

    Built-in names are refused so that a custom sheet never hides a shipped one.
    """
    template.validate()
    if (BUILTIN_DIR / f"{template.name}.json").is_file():
        raise ValidationError("labels.template.builtin", BUILTIN_NAME, name=template.name)
    user_dir.mkdir(parents=True, exist_ok=True)
    path = user_dir / f"{template.name}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(template.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path
