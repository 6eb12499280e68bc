"""Labels and cards: sheet templates as data, layout, PDF rendering and thermal-printer jobs.

Qt-free. The UI's print dialog and preview call these functions; the CLI is ``thuvien labels``.
"""

from app.labels.author_mark import AuthorMarkRule, author_mark
from app.labels.layout import Placement, PrintOptions, place
from app.labels.model import CallNumber, CardData, LabelItem
from app.labels.pdf import render_calibration, render_cards, render_class_sheet, render_labels
from app.labels.templates import (
    SheetTemplate,
    list_templates,
    load_template,
    save_template,
    template_from_dict,
)

__all__ = [
    "AuthorMarkRule", "CallNumber", "CardData", "LabelItem", "Placement", "PrintOptions",
    "SheetTemplate", "author_mark", "list_templates", "load_template", "place",
    "render_calibration", "render_cards", "render_class_sheet", "render_labels", "save_template",
    "template_from_dict",
]
