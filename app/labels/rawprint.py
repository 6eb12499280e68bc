"""Send a ready printer job (TSPL, ZPL) to a printer untouched: the printer driver must not
render it, only pass the bytes through.

* Windows: the spooler's RAW datatype (winspool ``OpenPrinterW`` / ``StartDocPrinterW`` /
  ``WritePrinter``) through ctypes — nothing to install;
* Linux and macOS: CUPS ``lp -d PRINTER -o raw``, the job on its standard input.

    >>> send_raw("Xprinter XP-365B", tspl_job("items", items))   # doctest: +SKIP
"""

from __future__ import annotations

import shutil
import subprocess
import sys

from app.errors import UserError
from app.i18n import Text

NO_PRINTER = Text("Chưa chọn máy in nhiệt", "No thermal printer chosen")
EMPTY_JOB = Text("Lệnh in trống: không có nhãn nào", "The print job is empty: no labels")
NO_LP = Text("Không tìm thấy lệnh “lp” của CUPS: hãy cài gói cups-client",
             "CUPS's “lp” command was not found: install the cups-client package")
LP_FAILED = Text("Máy in “{printer}” không nhận lệnh in: {error}",
                 "Printer “{printer}” refused the job: {error}")
LP_TIMEOUT = Text("Máy in “{printer}” không trả lời sau {seconds} giây",
                  "Printer “{printer}” did not answer within {seconds} seconds")
WIN_FAILED = Text("Không gửi được lệnh in tới “{printer}” ({step}): {error}",
                  "Could not send the job to “{printer}” ({step}): {error}")
TIMEOUT_S = 30


def send_raw(printer: str, job: bytes, title: str = "ThuVien labels") -> str:
    """Send *job* to *printer* as raw bytes; returns the spooler's job id (as text, "" when the
    system gives none). Raises :class:`UserError` with the system's reason when it fails."""
    if not printer.strip():
        raise UserError("labels.raw.printer", NO_PRINTER)
    if not job:
        raise UserError("labels.raw.empty", EMPTY_JOB)
    if sys.platform == "win32":
        return _send_winspool(printer, job, title)
    return _send_lp(printer, job, title)


def lp_command(printer: str, title: str) -> list[str]:
    """The CUPS command line that queues a raw job read from standard input."""
    return ["lp", "-d", printer, "-o", "raw", "-t", title, "-"]


def _send_lp(printer: str, job: bytes, title: str) -> str:
    tool = shutil.which("lp")
    if tool is None:
        raise UserError("labels.raw.no_lp", NO_LP)
    command = [tool, *lp_command(printer, title)[1:]]
    try:
        done = subprocess.run(command, input=job, capture_output=True, timeout=TIMEOUT_S,
                              check=False)
    except subprocess.TimeoutExpired:
        raise UserError("labels.raw.timeout", LP_TIMEOUT, printer=printer,
                        seconds=TIMEOUT_S) from None
    if done.returncode != 0:
        error = done.stderr.decode("utf-8", "replace").strip() or f"lp exit {done.returncode}"
        raise UserError("labels.raw.failed", LP_FAILED, printer=printer, error=error)
    # "request id is Xprinter-42 (0 file(s))" -> "Xprinter-42"
    words = done.stdout.decode("utf-8", "replace").split()
    return words[3] if len(words) > 3 and words[:3] == ["request", "id", "is"] else ""


if sys.platform == "win32":  # pragma: no cover (tested on Windows only; mypy checks it per platform)
    def _send_winspool(printer: str, job: bytes, title: str) -> str:
        import ctypes
        from ctypes import wintypes

        class DocInfo1(ctypes.Structure):
            _fields_ = [("pDocName", wintypes.LPWSTR), ("pOutputFile", wintypes.LPWSTR),
                        ("pDatatype", wintypes.LPWSTR)]

        spool = ctypes.WinDLL("winspool.drv", use_last_error=True)
        spool.OpenPrinterW.argtypes = [wintypes.LPWSTR, ctypes.POINTER(wintypes.HANDLE), ctypes.c_void_p]
        spool.OpenPrinterW.restype = wintypes.BOOL
        spool.StartDocPrinterW.argtypes = [wintypes.HANDLE, wintypes.DWORD, ctypes.POINTER(DocInfo1)]
        spool.StartDocPrinterW.restype = wintypes.DWORD
        spool.WritePrinter.argtypes = [wintypes.HANDLE, ctypes.c_void_p, wintypes.DWORD,
                                       ctypes.POINTER(wintypes.DWORD)]
        spool.WritePrinter.restype = wintypes.BOOL
        for name in ("StartPagePrinter", "EndPagePrinter", "EndDocPrinter", "ClosePrinter"):
            getattr(spool, name).argtypes = [wintypes.HANDLE]
            getattr(spool, name).restype = wintypes.BOOL

        def fail(step: str) -> UserError:
            code = ctypes.get_last_error()
            error = ctypes.FormatError(code).strip()
            return UserError("labels.raw.failed", WIN_FAILED, printer=printer, step=step,
                             error=f"{error} ({code})")

        handle = wintypes.HANDLE()
        if not spool.OpenPrinterW(printer, ctypes.byref(handle), None):
            raise fail("OpenPrinter")
        try:
            info = DocInfo1(title, None, "RAW")
            job_id = spool.StartDocPrinterW(handle, 1, ctypes.byref(info))
            if not job_id:
                raise fail("StartDocPrinter")
            try:
                if not spool.StartPagePrinter(handle):
                    raise fail("StartPagePrinter")
                buffer = ctypes.create_string_buffer(job, len(job))
                sent = 0
                while sent < len(job):
                    written = wintypes.DWORD(0)
                    chunk = ctypes.c_void_p(ctypes.addressof(buffer) + sent)
                    if not spool.WritePrinter(handle, chunk, len(job) - sent, ctypes.byref(written)):
                        raise fail("WritePrinter")
                    if written.value == 0:
                        raise fail("WritePrinter")
                    sent += written.value
                spool.EndPagePrinter(handle)
            finally:
                spool.EndDocPrinter(handle)
            return str(job_id)
        finally:
            spool.ClosePrinter(handle)
