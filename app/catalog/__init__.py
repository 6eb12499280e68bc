"""Catalog: bibliographic records, items (copies), MARC21 in/out, search, ISBNs."""
