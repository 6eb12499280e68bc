"""ThuVien's desktop window (PySide6). Widgets draw and call ``app/``; no SQL, no rules here."""
