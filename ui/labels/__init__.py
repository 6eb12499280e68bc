"""Print preview of the PDFs ``app/labels`` and ``app/circulation/documents`` produce."""
