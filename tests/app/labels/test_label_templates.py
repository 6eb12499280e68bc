"""Sheet templates: the shipped sheets match the gLabels facts; custom sheets are validated."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.errors import NotFoundError, ValidationError
from app.i18n import set_language
from app.labels import list_templates, load_template, save_template, template_from_dict

PT = 25.4 / 72


def _glabels(shared: Path, brand_file: str, part: str) -> dict[str, float]:
    root = ET.parse(shared / "labels" / brand_file).getroot()
    for t in root.iter("Template"):
        if t.get("part") == part:
            if t.get("equiv"):
                return _glabels(shared, brand_file, t.get("equiv") or "")
            rect = t.find("Label-rectangle")
            assert rect is not None
            layout = rect.find("Layout")
            assert layout is not None
            values = {**rect.attrib, **layout.attrib}

            def mm(v: str) -> float:
                return float(v[:-2]) if v.endswith("mm") else float(v.removesuffix("pt")) * PT

            return {k: mm(values[k]) if k not in ("nx", "ny") else float(values[k])
                    for k in ("width", "height", "x0", "y0", "dx", "dy", "nx", "ny")}
    raise AssertionError(part)


@pytest.mark.parametrize(("name", "source", "part"), [
    ("avery-l7651", "avery-iso-templates.xml", "L7651"),
    ("avery-l7654", "avery-iso-templates.xml", "L7654"),
    ("avery-l7160", "avery-iso-templates.xml", "L7160"),
    ("avery-l7163", "avery-iso-templates.xml", "L7163"),
    ("avery-l7165", "avery-iso-templates.xml", "L7165"),
    ("avery-l4732", "avery-iso-templates.xml", "L4732"),
    ("herma-4614", "herma-iso-templates.xml", "4614"),
])
def test_shipped_sheet_matches_glabels_geometry(shared_data: Path, name: str, source: str, part: str) -> None:
    facts = _glabels(shared_data, source, part)
    t = load_template(name)
    assert (t.columns, t.rows) == (facts["nx"], facts["ny"])
    for ours, theirs in [(t.label_width, "width"), (t.label_height, "height"), (t.left, "x0"),
                         (t.top, "y0"), (t.pitch_x, "dx"), (t.pitch_y, "dy")]:
        assert ours == pytest.approx(facts[theirs], abs=0.01), theirs


def test_the_common_sheets_are_shipped_and_valid() -> None:
    sheets = {t.name: t for t in list_templates()}
    assert sheets["avery-l7651"].per_sheet == 65
    assert (sheets["avery-l7651"].label_width, sheets["avery-l7651"].label_height) == (38.1, 21.2)
    assert sheets["avery-l7654"].per_sheet == 40
    assert {24, 21, 14, 8} <= {t.per_sheet for t in sheets.values()}
    cr80 = sheets["cr80-10up"]
    assert (cr80.label_width, cr80.label_height, cr80.per_sheet) == (85.6, 54, 10)
    for t in sheets.values():
        t.validate()
        assert t.builtin


def test_custom_sheet_is_saved_listed_and_loaded(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    custom = template_from_dict({"name": "tomy-a5-decal", "title": "Decal Tomy khổ A5", "page_width": 148,
                                 "page_height": 210, "columns": 2, "rows": 6, "label_width": "60,5",
                                 "label_height": 30, "left": 10, "top": 12, "gap_x": 5, "gap_y": 2})
    path = save_template(custom, folder)
    assert json.loads(path.read_text(encoding="utf-8"))["pitch_x"] == 65.5
    again = load_template("tomy-a5-decal", folder)
    assert again == custom
    assert "tomy-a5-decal" in [t.name for t in list_templates(folder)]
    assert not again.builtin


@pytest.mark.parametrize(("change", "vi", "en"), [
    ({"columns": 4}, "vượt quá mép phải", "run off the right edge"),
    ({"rows": 20}, "vượt quá mép dưới", "run off the bottom edge"),
    ({"gap_x": -10}, "chồng lên nhau", "overlap"),
    ({"label_width": 0}, "phải lớn hơn 0", "greater than 0"),
    ({"label_width": "abc"}, "phải là một số", "must be a number"),
    ({"name": "Nhãn của tôi"}, "không hợp lệ", "not valid"),
])
def test_bad_custom_sheets_are_refused_with_a_clear_message(change: dict[str, object], vi: str, en: str) -> None:
    data: dict[str, object] = {"name": "mine", "columns": 3, "rows": 8, "label_width": 64,
                               "label_height": 33, "left": 5, "top": 10, "gap_x": 2, "gap_y": 0}
    data.update(change)
    with pytest.raises(ValidationError) as err:
        template_from_dict(data)
    assert vi in err.value.message
    set_language("en")
    try:
        assert en in err.value.message
    finally:
        set_language("vi")


def test_a_custom_sheet_cannot_take_a_builtin_name(tmp_path: Path) -> None:
    clash = load_template("avery-l7651")
    with pytest.raises(ValidationError, match="có sẵn"):
        save_template(clash, tmp_path)


def test_unknown_template_is_reported() -> None:
    with pytest.raises(NotFoundError, match="không-có"):
        load_template("không-có")
