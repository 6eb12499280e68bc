"""Where the library's sync token lives: the OS keyring when there is one, else a file
readable only by the user (mode 0600). :meth:`TokenStore.where` says which, in words.

Set ``THUVIEN_NO_KEYRING=1`` to force the file (tests, or a keyring that misbehaves).
"""

from __future__ import annotations

import contextlib
import functools
import os
from pathlib import Path

import platformdirs

from app.sync.messages import STORED_FILE, STORED_KEYRING

SERVICE = "ThuVien sync"


def _keyring_backend() -> object | None:
    if os.environ.get("THUVIEN_NO_KEYRING", "").strip() in ("1", "true", "yes"):
        return None
    return keyring_backend()


@functools.cache
def keyring_backend() -> object | None:
    """The OS keyring backend, or None when there is none worth using (resolved once).

    The window calls this on its GUI thread at start-up: resolving a backend loads plug-ins
    and talks to D-Bus, which once raced with Qt when it first happened on a worker thread.
    """
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) < 1:
        return None
    return backend


def default_token_dir() -> Path:
    """The per-user folder for token files (``THUVIEN_TOKEN_DIR`` overrides it)."""
    override = os.environ.get("THUVIEN_TOKEN_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir("ThuVien")) / "tokens"


class TokenStore:
    """Save, load and forget the token of one library database (by its library id)."""

    def __init__(self, library_id: str, token_dir: Path | None = None) -> None:
        self.library_id = library_id
        self.token_dir = token_dir or default_token_dir()
        self._backend = _keyring_backend()

    @property
    def uses_keyring(self) -> bool:
        """True when the OS keyring holds the token."""
        return self._backend is not None

    @property
    def file(self) -> Path:
        """The token file used when there is no keyring."""
        return self.token_dir / f"{self.library_id}.token"

    def where(self) -> str:
        """Where the token is kept, in words for the user."""
        if self._backend is not None:
            return STORED_KEYRING(backend=type(self._backend).__name__)
        return STORED_FILE(path=str(self.file))

    def save(self, token: str) -> None:
        """Keep *token* (replacing any previous one)."""
        if self._backend is not None:
            import keyring

            keyring.set_password(SERVICE, self.library_id, token)
            return
        self.token_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = self.file.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, token.encode("ascii"))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.file)

    def load(self) -> str | None:
        """The token, or None when this library is not enrolled."""
        if self._backend is not None:
            import keyring

            value = keyring.get_password(SERVICE, self.library_id)
            return str(value) if value else None
        try:
            return self.file.read_text("ascii").strip() or None
        except FileNotFoundError:
            return None

    def forget(self) -> None:
        """Remove the token."""
        if self._backend is not None:
            import keyring
            from keyring.errors import PasswordDeleteError

            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(SERVICE, self.library_id)
            return
        self.file.unlink(missing_ok=True)
