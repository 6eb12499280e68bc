"""The camera worker and panel on their own: newest frame only, the GUI never waits for a
decode, outlines drawn where the barcode is, the camera choice kept per PC (Settings → Camera),
the camera let go when the desk is left."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
import pytest
import zxingcpp
from PySide6.QtCore import QElapsedTimer, QSettings, Qt, QTimer

from app.scanning import Frame, ScanStream, decode_image
from ui.camera.choice import CameraChoice, load_choice, save_choice
from ui.camera.panel import CameraPanel
from ui.camera.preview import SEEN, TAKEN
from ui.camera.worker import CameraWorker

Image = npt.NDArray[np.uint8]
WAIT_MS = 20000


def render(text: str, scale: int = 3) -> Image:
    barcode = zxingcpp.create_barcode(text, zxingcpp.barcode_format_from_str("Code128"))
    return np.ascontiguousarray(np.asarray(barcode.to_image(scale=scale)), dtype=np.uint8)


def frame_with(text: str | None, at: tuple[int, int] = (120, 160), size: tuple[int, int] = (640, 480)) -> Image:
    w, h = size
    canvas = np.full((h, w), 190, np.uint8)
    if text is not None:
        symbol = render(text)
        x, y = at
        canvas[y : y + symbol.shape[0], x : x + symbol.shape[1]] = symbol
    return cv2.cvtColor(canvas, cv2.COLOR_GRAY2BGR)


class Frames:
    """Frames from memory, as fast as the reader takes them (a camera faster than the decoder)."""

    def __init__(self, images: list[Image], interval: float = 0.01) -> None:
        self.images, self.interval, self.closed = images, interval, False

    def __iter__(self) -> Iterator[Frame]:
        for index, image in enumerate(self.images):
            yield Frame(index, image, index * self.interval)

    def close(self) -> None:
        self.closed = True


def test_the_decoder_always_takes_the_newest_frame_and_never_queues(qtbot) -> None:  # type: ignore[no-untyped-def]
    images = [frame_with(f"TK.{i:05d}", at=(60 + (i % 9) * 20, 160)) for i in range(60)]
    source = Frames(images)
    worker = CameraWorker(lambda: source)
    worker.start()
    qtbot.waitUntil(lambda: not worker.running, timeout=WAIT_MS)
    report = worker.poll()
    stats = worker.stats
    assert report.finished and report.failed is None and source.closed
    assert stats.captured == 60 and stats.decoded + stats.dropped == 60
    assert stats.dropped > 0  # the camera was faster: frames were skipped, not queued
    assert report.sighting is not None and report.sighting.frame_index == 59  # the newest
    assert [o.text for o in report.sighting.outlines] == ["TK.00059"]


def test_the_window_keeps_answering_while_a_slow_frame_is_decoded(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Each frame here costs the decoder the full still-image treatment (hundreds of ms); the
    GUI's timer still fires on time, so no decode ever ran on the GUI thread."""
    rng = np.random.default_rng(5)
    busy = [np.clip(rng.normal(140, 40, (720, 1280, 3)), 0, 255).astype(np.uint8) for _ in range(4)]
    worker = CameraWorker(lambda: Frames(busy, 0.05), realtime=True,
                          stream=ScanStream(decode=lambda image: decode_image(image, thorough=True)))
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    worker.start()
    qtbot.waitUntil(lambda: not worker.running, timeout=60000)
    timer.stop()
    slowest_decode = min(worker.stats.decode_ms)
    assert worker.stats.decoded >= 2 and slowest_decode > 100
    assert max(gaps[1:]) < slowest_decode  # the GUI never waited for a whole decode


def test_the_outline_is_drawn_on_the_barcode(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = CameraPanel()
    qtbot.addWidget(panel)
    panel.resize(480, 420)
    panel.show()
    scanned: list[str] = []
    panel.scanned.connect(scanned.append)
    panel.start(lambda: Frames([frame_with("TK.00042", at=(200, 300))] * 60, 0.05), realtime=True)
    preview = panel.preview
    qtbot.waitUntil(lambda: preview.outlines_shown() == ["TK.00042"] and preview.taken("TK.00042"),
                    timeout=WAIT_MS)
    image = preview.grab().toImage()
    area = preview.target()
    scale = area.width() / 640
    assert preview.sighting is not None
    (x0, y0), (x1, _y1) = preview.sighting.outlines[0].corners[:2]
    assert abs(x0 - 200) < 40 and abs(y0 - 300) < 15  # the decoder's corners, in the frame
    mid_x, mid_y = area.x() + (x0 + x1) / 2 * scale, area.y() + y0 * scale
    colours = {image.pixelColor(round(mid_x), round(mid_y) + dy).name() for dy in range(-2, 3)}
    assert TAKEN.name() in colours and SEEN.name() not in colours  # green: the desk took it
    far = image.pixelColor(round(area.x() + 20), round(area.y() + 20))
    assert far.name() not in (TAKEN.name(), SEEN.name())  # nothing drawn elsewhere
    assert scanned == ["TK.00042"]  # once, though it stayed in view
    panel.shutdown()


def test_camera_choice_is_kept_per_pc(pc_settings) -> None:  # type: ignore[no-untyped-def]
    assert load_choice(pc_settings) == CameraChoice(0, 640, 480, False)
    save_choice(CameraChoice(2, 1280, 720, True), pc_settings)
    assert load_choice(QSettings()) == CameraChoice(2, 1280, 720, True)
    pc_settings.setValue("camera/width", 333)  # edited by hand: not a resolution we offer
    assert load_choice(pc_settings).resolution == (640, 480)


def settle(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Let the status bar's first read finish: it imports keyring on a pool thread, and PySide's
    import hook running there beside a busy GUI thread has crashed the test process."""
    qtbot.waitUntil(lambda: not window.operations.running(), timeout=WAIT_MS)


def test_settings_camera_page_saves_and_tries_the_choice_on_screen(window, qtbot, pc_settings) -> None:  # type: ignore[no-untyped-def]
    settle(window, qtbot)
    settings_view = window.show_view("settings")
    page = settings_view.camera_page
    settings_view.setCurrentWidget(page)
    assert settings_view.tabText(settings_view.indexOf(page)) == "Camera"
    assert page.trial.state == "off"  # trying is never automatic
    page.device.setValue(9)
    page.show_resolution((1280, 720))
    page.autostart.setChecked(True)
    assert "1280×720" in page.resolution.currentText()
    qtbot.mouseClick(page.trial.button, Qt.MouseButton.LeftButton)  # try before saving
    qtbot.waitUntil(lambda: page.trial.state == "failed", timeout=WAIT_MS)
    assert page.trial.status.text().startswith("Không tìm thấy camera 9")
    assert load_choice() == CameraChoice()  # nothing saved yet
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.message.text().startswith("Đã lưu")
    assert load_choice() == CameraChoice(9, 1280, 720, True)
    again = type(page)()
    qtbot.addWidget(again)
    assert again.choice() == CameraChoice(9, 1280, 720, True)  # shown as saved next time


def test_desk_starts_the_camera_when_asked_and_lets_it_go_on_another_view(lib, qtbot, pc_settings) -> None:  # type: ignore[no-untyped-def]
    from ui.desk.sound import DeskSounds
    from ui.mainwindow import MainWindow

    if Path("/dev/video9").exists():
        pytest.skip("this machine has a camera 9")
    save_choice(CameraChoice(9, 640, 480, autostart=True), pc_settings)
    win = MainWindow(lib, sounds=DeskSounds(enabled=False))
    qtbot.addWidget(win)
    win.show()
    settle(win, qtbot)
    qtbot.waitUntil(lambda: win.desk.camera.state == "failed", timeout=WAIT_MS)
    assert "Không tìm thấy camera 9" in win.desk.banner.text()

    pc_settings.setValue("camera/autostart", False)
    images = [frame_with(None)] * 2000
    win.desk.camera.start(lambda: Frames(images, 0.05), realtime=True, name="test")
    qtbot.waitUntil(lambda: win.desk.camera.state == "on", timeout=WAIT_MS)
    worker = win.desk.camera.worker
    qtbot.keyClick(win.desk.scan_field, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert win.stack.currentWidget() is not win.desk
    assert win.desk.camera.state == "off" and worker.wait(5.0)
    win.close()


def test_panel_in_english(qapp, qtbot, pc_settings) -> None:  # type: ignore[no-untyped-def]
    from ui.i18n import install_translators, remove_translators

    removed = [t for t in qapp.findChildren(type(install_translators(qapp, "vi")[0]))]
    remove_translators(qapp, removed)
    english = install_translators(qapp, "en")
    try:
        panel = CameraPanel()
        qtbot.addWidget(panel)
        assert panel.button.text() == "F7 Switch camera on"
        assert panel.status.text() == "Camera off. F7 switches it on; the USB scanner always works."
    finally:
        remove_translators(qapp, english)
        install_translators(qapp, "vi")
    vietnamese = CameraPanel()
    qtbot.addWidget(vietnamese)
    assert vietnamese.button.text() == "F7 Bật camera"
    assert vietnamese.status.text() == "Camera đang tắt. Bấm F7 để bật; máy quét USB lúc nào cũng dùng được."
