"""The webcam at the desk, end to end: frames (real photos from ../shared/data, a video the test
writes) go through the real camera worker and the real desk view into a real SQLite library.
Camera trouble comes from real OpenCV captures (a camera number that does not exist, a capture
that opens but sends no picture, one that stops mid-use)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.scanning import Camera, ImageFiles, VideoFile
from ui.camera.choice import CameraChoice, save_choice

Image = npt.NDArray[np.uint8]
WAIT_MS = 20000  # the machine is shared: generous, the waits end as soon as the desk answers


def render(text: str, fmt: str = "Code128", scale: int = 3) -> Image:
    barcode = zxingcpp.create_barcode(text, zxingcpp.barcode_format_from_str(fmt))
    return np.ascontiguousarray(np.asarray(barcode.to_image(scale=scale)), dtype=np.uint8)


def desk_frame(symbol: Image | None, x: int = 0, y: int = 0, angle: float = 0.0, blur: float = 0.0,
               seed: int = 0) -> Image:
    """A 640×480 webcam-like frame: grey desk, the symbol at (x, y) turned and blurred, noise."""
    canvas = np.full((480, 640), 190, np.uint8)
    if symbol is not None:
        h, w = symbol.shape
        canvas[y : y + h, x : x + w] = symbol
        if angle:
            matrix = cv2.getRotationMatrix2D((x + w / 2, y + h / 2), angle, 1.0)
            canvas = cv2.warpAffine(canvas, matrix, (640, 480), borderValue=190)
        if blur:
            canvas = cv2.GaussianBlur(canvas, (0, 0), blur)
    noisy = canvas + np.random.default_rng(seed).normal(0, 5, canvas.shape)
    return cv2.cvtColor(np.clip(noisy, 0, 255).astype(np.uint8), cv2.COLOR_GRAY2BGR)


def write_video(path: Path, frames: list[Image], fps: float = 20.0) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (640, 480))
    assert writer.isOpened()
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path


def moving(symbol: Image, count: int, seed: int) -> list[Image]:
    """The label slides across, turns from -15° to +15°, and blurs for a few frames."""
    return [desk_frame(symbol, 60 + (i * 6) % 150, 140 + (i % 4) * 5, angle=-15 + i * 30 / count,
                       blur=3.5 if count // 3 <= i < count // 3 + 3 else 0.0, seed=seed + i)
            for i in range(count)]


def empty(count: int) -> list[Image]:
    return [desk_frame(None, seed=900 + i) for i in range(count)]


def settle(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Let the status bar's first read finish: it imports keyring on a pool thread, and PySide's
    import hook running there beside a busy GUI thread has crashed the test process."""
    qtbot.waitUntil(lambda: not window.operations.running(), timeout=WAIT_MS)


@pytest.fixture
def desk(window, qtbot):  # type: ignore[no-untyped-def]
    settle(window, qtbot)
    desk = window.desk
    yield desk
    desk.camera.shutdown()


def loans(lib, patron) -> list[str]:  # type: ignore[no-untyped-def]
    slip = lib.circulation.open_loans(patron.id)
    return sorted(loan.barcode for loan in slip.loans) if slip else []


def test_a_video_of_a_card_then_a_book_checks_the_book_out(desk, lib, stocked, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    patron, barcodes = stocked
    video = write_video(tmp_path / "desk.avi",
                        moving(render(patron.card), 24, 1) + empty(8) + moving(render(barcodes[0]), 24, 50)
                        + empty(6))
    outlined: set[str] = set()
    desk.camera.preview.painted = 0
    desk.camera.start(lambda: VideoFile(video), realtime=True, name="desk.avi")

    def book_lent() -> None:
        outlined.update(desk.camera.preview.outlines_shown())
        assert loans(lib, patron) == [barcodes[0]]

    qtbot.waitUntil(book_lent, timeout=WAIT_MS)
    assert "Đã cho mượn" in desk.banner.text() and desk.banner.property("kind") == "ok"
    assert desk.patron_panel.name.text() == "Nguyễn Văn An"
    assert [desk.session.item(r, 1).text() for r in range(desk.session.rowCount())] == [barcodes[0], patron.card]
    assert desk.sounds.last_played == "ok"
    assert desk.scan_field.hasFocus()  # the camera never takes the keyboard
    assert barcodes[0] in outlined or patron.card in outlined  # the preview outlined what it read
    assert desk.camera.preview.painted > 5  # the picture was live
    qtbot.waitUntil(lambda: desk.camera.state == "off", timeout=WAIT_MS)  # the video ended
    assert not desk.camera.preview.isVisible()


def test_real_isbn_photos_from_image_files_lend_the_one_copy(desk, lib, stocked, qtbot, tmp_path, shared_data) -> None:  # type: ignore[no-untyped-def]
    """The book's own EAN (ISBN) stands for its copy when the record has exactly one."""
    patron, _barcodes = stocked
    photo = shared_data / "barcodes" / "zxing" / "ean13-1" / "25.png"
    assert (photo.with_suffix(".txt")).read_text() == "9780140013993"
    record = lib.catalog.add_record("A book photographed for ZXing", isbns=["9780140013993"])
    (copy,) = lib.catalog.add_copies(record, 1, collection="TK")
    card = tmp_path / "card.png"
    cv2.imwrite(str(card), desk_frame(render(patron.card), 150, 180))
    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), desk_frame(None))
    files = [card] * 4 + [blank] * 2 + [photo] * 4 + [blank] * 2
    desk.camera.start(lambda: ImageFiles(files, interval=0.1), realtime=True, name="photos")
    qtbot.waitUntil(lambda: loans(lib, patron) == [copy.barcode], timeout=WAIT_MS)
    assert copy.barcode in desk.banner.text()
    assert desk.session.item(0, 1).text() == "9780140013993"  # what the camera read, as scanned


def test_the_same_book_within_3_seconds_is_ignored_then_scans_again(desk, lib, stocked, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Book shown (lent), taken away for 1 s and shown again (ignored: no second answer), then
    away for 3.5 s and shown again: in automatic mode that is the return."""
    patron, barcodes = stocked
    lib.circulation.desk.scan(patron.card)
    book = render(barcodes[1])
    frames = (moving(book, 10, 1) + empty(20) + moving(book, 10, 30) + empty(70)
              + moving(book, 10, 60) + empty(4))
    video = write_video(tmp_path / "again.avi", frames)
    desk.camera.start(lambda: VideoFile(video), realtime=True, name="again.avi")
    qtbot.waitUntil(lambda: desk.camera.state == "off", timeout=WAIT_MS + 10000)
    answers = [desk.session.item(r, 2).text() for r in range(desk.session.rowCount())][::-1]
    assert len(answers) == 2, answers  # lent, then returned; the repeat never reached the desk
    assert answers[0].startswith("Đã cho mượn") and answers[1].startswith("Đã nhận trả")
    assert loans(lib, patron) == []


def test_no_camera_with_that_number_says_so_and_the_usb_scanner_goes_on(window, desk, lib, stocked, qtbot, pc_settings) -> None:  # type: ignore[no-untyped-def]
    patron, barcodes = stocked
    save_choice(CameraChoice(device=9), pc_settings)
    if Path("/dev/video9").exists():
        pytest.skip("this machine has a camera 9")
    field = desk.scan_field
    qtbot.keyClick(field, Qt.Key.Key_F7)  # the keyboard switches the camera on
    qtbot.waitUntil(lambda: desk.camera.state == "failed", timeout=WAIT_MS)
    message = "Không tìm thấy camera 9. Quầy vẫn dùng được máy quét USB."
    assert desk.camera.status.text() == message
    assert desk.banner.text() == message and desk.banner.property("kind") == "warn"
    assert QApplication.activeModalWidget() is None and field.hasFocus()
    assert desk.camera.button.text() == "F7 Bật camera"
    for code in (patron.card, barcodes[2]):  # the USB scanner types into the field
        qtbot.keyClicks(field, code)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert loans(lib, patron) == [barcodes[2]]
    assert "Đã cho mượn" in desk.banner.text()


def test_a_camera_held_by_another_program_says_so(desk, lib, stocked, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """OpenCV opens it but gets no picture (what Windows does when another program has it)."""
    silent = tmp_path / "silent.avi"
    cv2.VideoWriter(str(silent), cv2.VideoWriter_fourcc(*"MJPG"), 20, (640, 480)).release()
    desk.camera.start(lambda: Camera(str(silent)), name="0")
    qtbot.waitUntil(lambda: desk.camera.state == "failed", timeout=WAIT_MS)
    assert "đang bị chương trình khác sử dụng" in desk.banner.text()
    assert "máy quét USB" in desk.camera.status.text()
    assert desk.scan_field.hasFocus() and QApplication.activeModalWidget() is None


def test_a_camera_unplugged_mid_use_keeps_what_it_scanned(desk, lib, stocked, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    patron, barcodes = stocked
    clip = write_video(tmp_path / "unplugged.avi", moving(render(patron.card), 20, 3))
    ticks = iter(np.arange(0.0, 100.0, 0.05))
    desk.camera.start(lambda: Camera(str(clip), clock=lambda: float(next(ticks))), realtime=True, name="0")
    qtbot.waitUntil(lambda: desk.camera.state == "failed", timeout=WAIT_MS)
    assert lib.circulation.desk.current_patron().id == patron.id  # scanned before the cable went
    assert "đã bị rút ra" in desk.banner.text() and desk.banner.property("kind") == "warn"
    assert not desk.camera.preview.isVisible()
    qtbot.keyClicks(desk.scan_field, barcodes[0])
    qtbot.keyClick(desk.scan_field, Qt.Key.Key_Return)
    assert loans(lib, patron) == [barcodes[0]]


def test_f7_switches_a_running_camera_off_and_nothing_more_is_scanned(desk, lib, stocked, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    patron, barcodes = stocked
    lib.circulation.desk.scan(patron.card)
    video = write_video(tmp_path / "long.avi", empty(30) + moving(render(barcodes[0]), 60, 7))
    desk.camera.start(lambda: VideoFile(video), realtime=True, name="long.avi")
    qtbot.waitUntil(lambda: desk.camera.state == "on" and desk.camera.preview.picture is not None,
                    timeout=WAIT_MS)
    worker = desk.camera.worker
    qtbot.keyClick(desk.scan_field, Qt.Key.Key_F7)
    assert desk.camera.state == "off" and not desk.camera.preview.isVisible()
    assert worker.wait(5.0)  # the threads let the device go
    qtbot.waitUntil(lambda: desk.camera.worker is None, timeout=WAIT_MS)
    assert loans(lib, patron) == []  # the book that came into view later was never read
    assert desk.scan_field.hasFocus()


def test_nothing_is_lent_by_the_camera_while_a_dialog_is_open(desk, lib, stocked, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """As with the USB scanner, whose keys then go to the dialog."""
    from PySide6.QtWidgets import QMessageBox

    patron, barcodes = stocked
    lib.circulation.desk.scan(patron.card)
    dialog = QMessageBox(QMessageBox.Icon.Information, "ThuVien", "…", parent=desk)
    dialog.open()
    assert QApplication.activeModalWidget() is dialog
    video = write_video(tmp_path / "behind.avi", moving(render(barcodes[0]), 16, 5))
    desk.camera.start(lambda: VideoFile(video), realtime=True, name="behind.avi")
    outlined: set[str] = set()

    def video_over() -> None:
        outlined.update(desk.camera.preview.outlines_shown())
        assert desk.camera.state == "off"

    qtbot.waitUntil(video_over, timeout=WAIT_MS)
    assert barcodes[0] in outlined  # it was read and shown…
    assert loans(lib, patron) == [] and desk.session.rowCount() == 0  # …but not lent
    dialog.close()
