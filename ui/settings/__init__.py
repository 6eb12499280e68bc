"""The settings view: library identity, accession schemes, loan rules, calendar, desk, language."""
