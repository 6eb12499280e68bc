"""A reader who lost a borrowed book and is charged its whole price, as the fines tests at
the desk start from."""

from __future__ import annotations

from app.circulation.fines import Fine
from app.library import Library


def lost_at_its_price(lib: Library, card: str, title: str, price: int) -> Fine:
    """The library charges a lost book's whole price; the reader with *card* borrows a copy
    of *title* worth *price* (đồng) and it is marked lost: the charge."""
    lib.circulation.fines.set_lost_charge_percent(100)
    copy = lib.catalog.add_item(lib.catalog.add_record(title), price=price)
    assert lib.circulation.checkout(card, copy.barcode).ok
    charge = lib.circulation.mark_lost(copy.barcode).fine
    assert charge is not None and charge.amount == price
    return charge
