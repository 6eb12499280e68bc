"""Sync with the district server: outbox push, union-catalog pull, background runner.

Qt-free. :mod:`app.sync.protocol` is shared with the district server (``server/``).
"""
