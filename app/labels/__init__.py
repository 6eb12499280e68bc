"""Labels and cards: sheet templates as data, layout, drawing, PDF rendering and thermal-printer
jobs.

Qt-free. Documents are drawn once onto a recording surface (:mod:`app.labels.surface`) and
replayed into a PDF here, or onto the screen and printers by ``ui.labels``; the CLI is
``thuvien labels``.
"""

from app.labels.author_mark import AuthorMarkRule, author_mark
from app.labels.documents import (
    calibration_document,
    cards_document,
    class_sheet_document,
    labels_document,
)
from app.labels.layout import Placement, PrintOptions, place
from app.labels.model import CallNumber, CardData, LabelItem
from app.labels.pdf import (
    render_calibration,
    render_cards,
    render_class_sheet,
    render_labels,
    to_pdf,
)
from app.labels.surface import Recording, Surface
from app.labels.templates import (
    SheetTemplate,
    list_templates,
    load_template,
    save_template,
    template_from_dict,
)

__all__ = [
    "AuthorMarkRule", "CallNumber", "CardData", "LabelItem", "Placement", "PrintOptions",
    "Recording", "SheetTemplate", "Surface", "author_mark", "calibration_document",
    "cards_document", "class_sheet_document", "labels_document", "list_templates",
    "load_template", "place", "render_calibration", "render_cards", "render_class_sheet",
    "render_labels", "save_template", "template_from_dict", "to_pdf",
]
