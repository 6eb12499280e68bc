"""The patrons view: classes, search, editing, class-list import and the school-year rollover."""
