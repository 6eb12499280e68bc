"""Which language the window speaks, and loading its Qt translations.

Source strings in ``ui/`` are English; ``resources/translations/thuvien_vi.ts`` gives the
Vietnamese (the default) and ``qtbase_vi.ts`` translates Qt's own standard buttons (OK,
Cancel, Yes, No… — Qt ships no Vietnamese). ``scripts/dev.py`` compiles them to ``.qm``.
The language is a per-PC preference (QSettings); ``--lang`` overrides it for one run.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
SETTINGS_KEY = "ui/language"


def translations_dir() -> Path:
    """Where the compiled ``.qm`` files live (beside the sources, or in a frozen bundle)."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base / "resources" / "translations"


def preferred_language(settings: QSettings, override: str | None = None) -> str:
    """*override* (from ``--lang``) if given, else the saved choice, else Vietnamese."""
    if override in LANGUAGES:
        return str(override)
    saved = settings.value(SETTINGS_KEY, DEFAULT_LANGUAGE)
    return str(saved) if saved in LANGUAGES else DEFAULT_LANGUAGE


def save_language(settings: QSettings, lang: str) -> None:
    """Remember *lang* for the next start."""
    if lang in LANGUAGES:
        settings.setValue(SETTINGS_KEY, lang)


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Load ThuVien's and Qt's translations for *lang*; returns them (keep them alive).

    Missing ``.qm`` files are skipped: the window then shows the English source strings.
    """
    from app.i18n import set_language

    set_language(lang)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if lang == "vi"
                               else QLocale.Language.English, QLocale.Country.AnyCountry
                               if lang == "en" else QLocale.Country.Vietnam))
    loaded: list[QTranslator] = []
    folder = translations_dir()
    # ThuVien's own first, then Qt's (qtbase_vi) and any other part's (e.g. firstrun_vi).
    files = sorted(folder.glob(f"*_{lang}.qm"), key=lambda p: (p.stem != f"thuvien_{lang}", p.stem))
    for file in files:
        translator = QTranslator(app)
        if translator.load(str(file)):
            app.installTranslator(translator)
            loaded.append(translator)
    return loaded


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo :func:`install_translators` (tests switch languages)."""
    for translator in translators:
        app.removeTranslator(translator)
