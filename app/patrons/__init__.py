"""Patrons: readers and their cards, class-list import, school-year rollover, privacy."""

from app.patrons.model import CATEGORIES, STATUSES, Patron
from app.patrons.service import PatronService

__all__ = ["CATEGORIES", "STATUSES", "Patron", "PatronService"]
