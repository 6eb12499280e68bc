"""The live picture, with each barcode seen outlined (green once the desk took it)."""

from __future__ import annotations

import time

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.camera.worker import PreviewImage, Sighting

#: Outlines stay this long after the frame that showed them (decoding lags the picture).
OUTLINE_S = 0.5
#: A code the desk took stays green this long (as long as the same code is ignored).
TAKEN_S = 3.0
SEEN, TAKEN = QColor("#f59e0b"), QColor("#16a34a")


class CameraPreview(QWidget):
    """Paints the newest preview picture scaled to fit, and the outlines of the codes seen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPreview")
        self.setMinimumSize(QSize(240, 180))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.picture: PreviewImage | None = None
        self.sighting: Sighting | None = None
        self._sighting_at = 0.0
        self._taken: dict[str, float] = {}
        self.painted = 0  # paint events (tests, benchmark)
        self.pictures = 0  # new pictures shown

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(360, 270)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        return width * 3 // 4

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def show_picture(self, picture: PreviewImage) -> None:
        """Show a new picture (outlines are kept until they are too old)."""
        self.picture = picture
        self.pictures += 1
        self.update()

    def show_sighting(self, sighting: Sighting) -> None:
        """Outline the codes a decoded frame held."""
        now = time.monotonic()
        if sighting.outlines or now - self._sighting_at > OUTLINE_S:
            self.sighting, self._sighting_at = sighting, now
        for text in sighting.accepted:
            self.mark_taken(text)
        self.update()

    def mark_taken(self, text: str) -> None:
        """The desk took *text*: its outline turns green for a while."""
        self._taken[text] = time.monotonic()
        self.update()

    def taken(self, text: str) -> bool:
        """Whether *text* is outlined as taken right now."""
        return time.monotonic() - self._taken.get(text, -1e9) < TAKEN_S

    def clear(self) -> None:
        """Nothing to show (camera off)."""
        self.picture, self.sighting = None, None
        self.update()

    def outlines_shown(self) -> list[str]:
        """The texts outlined right now (what a user sees), for tests."""
        if self.sighting is None or time.monotonic() - self._sighting_at > OUTLINE_S:
            return []
        return [o.text for o in self.sighting.outlines]

    def target(self) -> QRectF:
        """Where the picture is drawn: fitted into the widget, centred, aspect kept."""
        if self.picture is None:
            return QRectF(self.rect())
        fw, fh = self.picture.frame_size
        scale = min(self.width() / fw, self.height() / fh)
        w, h = fw * scale, fh * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#1e293b"))
        if self.picture is None:
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self.target()
        painter.drawImage(area, self.picture.image)
        now = time.monotonic()
        if self.sighting is not None and now - self._sighting_at <= OUTLINE_S:
            fw, _fh = self.sighting.frame_size
            scale = area.width() / fw
            font = QFont(self.font())
            font.setPointSize(max(8, self.font().pointSize()))
            font.setBold(True)
            painter.setFont(font)
            for outline in self.sighting.outlines:
                colour = TAKEN if self.taken(outline.text) else SEEN
                points = [QPointF(area.x() + x * scale, area.y() + y * scale) for x, y in outline.corners]
                painter.setPen(QPen(colour, 3))
                painter.drawPolygon(QPolygonF(points))
                top = min(points, key=lambda p: (p.y(), p.x()))
                width = painter.fontMetrics().horizontalAdvance(outline.text) + 10
                label = QRectF(top.x(), max(area.y(), top.y() - 24), width, 22)
                painter.fillRect(label, QColor(0, 0, 0, 150))
                painter.setPen(colour)
                painter.drawText(label.adjusted(4, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, outline.text)
        painter.end()
        self.painted += 1
