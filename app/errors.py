"""Typed errors a user can cause: a machine ``code`` plus a translated message.

Anything raised as :class:`UserError` is shown to the user as one line (CLI) or a
message box (UI); it never reaches them as a traceback.
"""

from __future__ import annotations

from app.i18n import Text


class UserError(Exception):
    """An error caused by input or circumstances the user can fix.

    >>> e = UserError("db.newer", Text("CSDL mới hơn", "Database is newer"))
    >>> e.code
    'db.newer'
    """

    def __init__(self, code: str, text: Text, /, **params: object) -> None:
        self.code = code
        self.text = text
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The message in the current language."""
        return self.text(**self.params)


class StorageError(UserError):
    """The database file cannot be used safely (network share, newer version, pragmas)."""


class ImportFormatError(UserError):
    """A whole input file cannot be read (not MARC21, empty, UNIMARC, unreadable)."""


class ValidationError(UserError):
    """A value entered by the user is not acceptable (bad ISBN, duplicate barcode...)."""


class NotFoundError(UserError):
    """A record, item, patron or loan asked for does not exist."""
