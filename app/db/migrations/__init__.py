"""Schema migrations ``mNNNN_name.py``, applied in number order (see app.db.migrate)."""
