"""A PC whose date is wrong cannot check the district server's certificate: its sync fails
with "certificate is not yet valid". The sync status then says the PC's date is wrong, in
Vietnamese, not that the address or the CA file may be at fault; and a sync that worked keeps
the server's date, which tells the clock guard that an earlier PC date is wrong for sure.

The certificate errors are real: a district server on loopback behind HTTPS, with a
certificate that becomes valid only in two days (what a PC back in 2009 sees of any)."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.circulation.clock_check import ClockCheck
from app.library import Library
from app.sync import state
from app.sync.messages import SyncError
from tests.support.pc_clock import DEAD_BATTERY, set_pc_clock

SAYS_DATE_WRONG = ("Ngày trên máy tính (01/01/2009) sai nên không kiểm tra được chứng chỉ bảo "
                   "mật của máy chủ huyện. Hãy chỉnh lại ngày giờ của máy (Windows: bấm chuột "
                   "phải vào đồng hồ → Điều chỉnh ngày/giờ); đồng bộ sẽ tự chạy lại.")


def certificate(folder: Path, valid_from: datetime) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 valid from *valid_from*: (cert file, key)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(valid_from).not_valid_after(valid_from + timedelta(days=400))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "district.pem", folder / "district.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.TraditionalOpenSSL,
                                           serialization.NoEncryption()))
    return cert_file, key_file


@pytest.fixture
def https_district(district: Any, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The same district server behind HTTPS whose certificate starts in two days: (its
    https URL, the certificate file to trust)."""
    from server.api import create_app

    cert_file, key_file = certificate(tmp_path, datetime.now(UTC) + timedelta(days=2))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(
        create_app(district.settings, district.engine), host="127.0.0.1", port=port,
        log_level="warning", ssl_certfile=str(cert_file), ssl_keyfile=str(key_file)))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:  # readiness of the fixture, not of a test step
        assert time.monotonic() < deadline, "https server did not start"
        time.sleep(0.01)
    yield f"https://127.0.0.1:{port}", cert_file
    server.should_exit = True
    thread.join(10)


def test_a_certificate_not_yet_valid_is_told_as_this_pcs_wrong_date(
        enrolled: Library, https_district: tuple[str, Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    url, cert_file = https_district
    state.put(enrolled.db, server_url=url, ca_file=str(cert_file))
    set_pc_clock(monkeypatch, DEAD_BATTERY)
    with pytest.raises(SyncError) as caught:
        enrolled.sync.sync_now()
    assert caught.value.code == "sync.tls_clock"
    assert caught.value.message == SAYS_DATE_WRONG
    status = enrolled.sync.status()
    assert status.last_error == SAYS_DATE_WRONG
    assert status.clock_problem is not None and "01/01/2009" in status.clock_problem


def test_not_yet_valid_says_the_date_even_before_the_guard_knows_it_is_wrong(
        enrolled: Library, https_district: tuple[str, Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A PC a few hours behind (the guard's margin) meets a certificate issued just now."""
    url, cert_file = https_district
    state.put(enrolled.db, server_url=url, ca_file=str(cert_file))
    with pytest.raises(SyncError) as caught:
        enrolled.sync.sync_now()
    assert caught.value.code == "sync.tls_clock"
    assert caught.value.message.startswith("Ngày trên máy tính (")
    assert "chứng chỉ bảo mật" in enrolled.sync.status().last_error


def test_any_certificate_error_on_a_pc_back_in_2009_is_its_date(
        enrolled: Library, district: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain-HTTP server spoken to over https: its certificate cannot be checked either
    way, but on a PC back in 2009 the date is what to fix first; once the date is right the
    words go back to the address and the CA file. A stored error of the old kind is told
    as the date too while the date is wrong."""
    state.put(enrolled.db, server_url=f"https://127.0.0.1:{district.port}")
    set_pc_clock(monkeypatch, DEAD_BATTERY)
    with pytest.raises(SyncError) as caught:
        enrolled.sync.sync_now()
    assert caught.value.code == "sync.tls_clock"
    state.put(enrolled.db, last_error_code="sync.tls", last_error_params='{"detail": "SSLError"}')
    assert enrolled.sync.status().last_error == SAYS_DATE_WRONG

    set_pc_clock(monkeypatch, datetime.now(UTC))
    with pytest.raises(SyncError) as caught:
        enrolled.sync.sync_now()
    assert caught.value.code in ("sync.tls", "sync.offline")
    status = enrolled.sync.status()
    assert status.clock_problem is None and "ngày giờ" not in str(status.last_error)


def test_a_sync_keeps_the_servers_date_for_the_clock_guard(
        enrolled: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    enrolled.sync.sync_now()
    kept = datetime.fromisoformat(state.get(enrolled.db.conn, "last_server_time"))
    assert before - timedelta(seconds=2) <= kept <= datetime.now(UTC) + timedelta(seconds=2)

    last_year = before - timedelta(days=365)  # after 2024, but before the district's date
    set_pc_clock(monkeypatch, last_year)
    verdict = ClockCheck(enrolled.db).verdict()
    assert verdict.behind and verdict.wrong_for_sure and not verdict.records_ahead
    assert "máy chủ thư viện huyện" in verdict.message
