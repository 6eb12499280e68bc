"""The structured answer of every desk operation, and the refusal exception behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.circulation.messages import MESSAGES, Phrase
from app.circulation.refs import HoldRef, ItemRef, LoanRef, PatronRef
from app.errors import UserError

if TYPE_CHECKING:
    from app.circulation.fines import Fine


@dataclass(frozen=True)
class DeskResult:
    """What happened: ``ok``, a machine ``code``, a translated ``message``, and what it concerns.

    ``offers`` names follow-up actions the UI may propose ("renew", "checkin",
    "in_library_use", "choose_copy"); ``choices`` lists copies to choose from; ``fine`` is
    the fine a late return (or renewal) has just recorded.
    """

    ok: bool
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    patron: PatronRef | None = None
    item: ItemRef | None = None
    loan: LoanRef | None = None
    hold: HoldRef | None = None
    offers: tuple[str, ...] = ()
    choices: tuple[ItemRef, ...] = ()
    fine: Fine | None = None

    @property
    def message(self) -> str:
        """The message in the current language."""
        return MESSAGES[self.code](**self.params)

    def message_in(self, lang: str) -> str:
        """The message in *lang* ("vi" or "en")."""
        text = MESSAGES[self.code]
        template = text.en if lang == "en" else text.vi
        params = {k: v.in_language(lang) if isinstance(v, Phrase) else v
                  for k, v in self.params.items()}
        return template.format(**params)

    def to_dict(self) -> dict[str, Any]:
        """The JSON the CLI prints."""
        return {
            "ok": self.ok, "code": self.code, "message": self.message,
            "message_vi": self.message_in("vi"), "message_en": self.message_in("en"),
            "patron": self.patron.to_dict() if self.patron else None,
            "item": self.item.to_dict() if self.item else None,
            "loan": self.loan.to_dict() if self.loan else None,
            "hold": self.hold.to_dict() if self.hold else None,
            "offers": list(self.offers),
            "choices": [c.to_dict() for c in self.choices],
            "fine": self.fine.to_dict() if self.fine else None,
        }


class Refusal(UserError):
    """A circulation operation refused; ``result`` is the :class:`DeskResult` to show."""

    def __init__(self, result: DeskResult) -> None:
        self.result = result
        # UserError's own __init__ takes ``code`` positionally, which a message parameter
        # named ``code`` would clash with: set the same attributes directly.
        self.code = f"circulation.{result.code}"
        self.text = MESSAGES[result.code]
        self.params = dict(result.params)
        Exception.__init__(self, self.message)


def refuse(code: str, /, *, patron: PatronRef | None = None, item: ItemRef | None = None,
           loan: LoanRef | None = None, hold: HoldRef | None = None,
           offers: tuple[str, ...] = (), choices: tuple[ItemRef, ...] = (),
           **params: Any) -> Refusal:
    """Build the :class:`Refusal` for *code* (raise it)."""
    return Refusal(DeskResult(False, code, params, patron, item, loan, hold, offers, choices))
