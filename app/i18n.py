"""User-visible text of the Qt-free core, in Vietnamese (default) and English.

Messages are declared next to the code that uses them as :class:`Text` values::

    NOT_FOUND = Text("Không tìm thấy {what}", "{what} not found")
    NOT_FOUND(what="ĐKCB")  # -> 'Không tìm thấy ĐKCB' while the language is Vietnamese

The process-wide language mirrors a locale setting: the UI or CLI sets it once at start.
The Qt widgets use Qt's own .ts translations; this module covers messages made in ``app/``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

LANGUAGES = ("vi", "en")
_current = {"lang": os.environ.get("THUVIEN_LANG", "vi") if os.environ.get("THUVIEN_LANG") in LANGUAGES else "vi"}


def set_language(lang: str) -> None:
    """Choose the language of core messages: ``"vi"`` or ``"en"``.

    >>> set_language("en"); language()
    'en'
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; choose one of {LANGUAGES}")
    _current["lang"] = lang


def language() -> str:
    """The current language code (``"vi"`` unless changed)."""
    return _current["lang"]


@dataclass(frozen=True)
class Text:
    """A translatable message template with named ``{placeholders}``."""

    vi: str
    en: str

    def __call__(self, **params: object) -> str:
        """Render in the current language, filling the placeholders."""
        template = self.en if _current["lang"] == "en" else self.vi
        return template.format(**params) if params else template
