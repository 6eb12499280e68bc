"""The catalog view: search, record detail, the record form, copies, MARC import/export."""
