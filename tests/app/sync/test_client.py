"""The desktop's sync client against a real server on loopback: ordered batched push with
resume, union-catalog pull into the local cache, offline search and copy cataloguing,
status in words, token storage."""

from __future__ import annotations

import json
import os
import stat
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.cli import main as thuvien
from app.i18n import set_language
from app.library import Library
from app.sync import state
from app.sync.client import SyncClient, check_url
from app.sync.messages import SyncError
from server import received
from server.models import libraries


def fill(lib: Library, n: int) -> None:
    for k in range(n):
        rid = lib.catalog.add_record(f"Tuyển tập truyện ngắn {k}", authors=["Nam Cao"],
                                     year=2000 + k % 20)
        lib.catalog.add_item(rid, collection="TK")


def server_seqs(district: Any, code: str) -> list[int]:
    with district.engine.connect() as conn:
        lib_id = conn.execute(select(libraries.c.id).where(libraries.c.code == code)).scalar_one()
        return [c.seq for c in received.changes(conn, lib_id)]


def test_push_goes_in_order_in_batches_and_resumes(enrolled: Library, district: Any) -> None:
    fill(enrolled, 60)  # 120 changes
    client = SyncClient(enrolled.path, batch_size=25)
    try:
        first = client.next_batch(0)
        assert first is not None and client.send_batch(0, first) == 25  # then the client "dies"
        assert client.pending() == 120  # the answer was never recorded
        sent, acked = client.push()    # a new attempt resumes from the server's answer
    finally:
        client.close()
    assert acked == 120 and sent == 120
    assert server_seqs(district, enrolled.code) == list(range(1, 121))
    assert enrolled.sync.status().pending == 0


def test_union_catalog_is_searchable_and_copyable_offline(district: Any, tmp_path: Path) -> None:
    other = Library.open(tmp_path / "other.sqlite3")
    other.sync.enroll(district.url, district.add_library(f"X-{tmp_path.name[-6:]}"))
    rid = other.catalog.add_record("Tiếng Việt 1", authors=["Bùi Mạnh Hùng"],
                                   isbns=["9786040219251"], year=2020, classification="495.922")
    other.catalog.add_item(rid, collection="GK")
    other.sync.sync_now()
    other.close()

    lib = Library.open(tmp_path / "mine.sqlite3")
    lib.sync.enroll(district.url, district.add_library(f"M-{tmp_path.name[-6:]}"))
    assert lib.sync.sync_now().pulled >= 1
    state.put(lib.db, server_url="http://127.0.0.1:9")  # the network is gone
    with pytest.raises(SyncError):
        lib.sync.sync_now()
    for query in ("tieng viet 1", "TIẾNG VIỆT", "978-604-0-21925-1", "bui manh"):
        hits = lib.sync.union_search(query)["hits"]
        assert [h["title"] for h in hits][:1] == ["Tiếng Việt 1"], query
    hit = lib.sync.union_search("9786040219251")["hits"][0]
    assert hit["holdings"][0]["total"] == 1 and hit["holdings"][0]["available"] == 1
    record_id = lib.sync.copy_to_catalog(hit["id"])
    copied = lib.catalog.record(record_id)
    assert copied.title == "Tiếng Việt 1" and copied.isbns == ["9786040219251"]
    assert copied.classification == "495.922"
    assert lib.catalog.search("tieng viet").total == 1
    lib.close()


def test_union_search_cli_has_the_search_json_shape(enrolled: Library, district: Any,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    rid = enrolled.catalog.add_record("Truyện Kiều", authors=["Nguyễn Du"], year=2015)
    enrolled.catalog.add_item(rid, collection="TK")
    assert thuvien(["--db", str(enrolled.path), "sync", "now", "--json"]) == 0
    capsys.readouterr()
    assert thuvien(["--db", str(enrolled.path), "union-search", "truyen kieu", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] >= 1
    hit = out["hits"][0]
    assert set(hit) >= {"id", "title", "author", "isbn", "year", "call_number", "items"}
    assert hit["title"] == "Truyện Kiều" and hit["author"] == "Nguyễn Du"
    assert thuvien(["--db", str(enrolled.path), "sync", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["pending"] == 0 and status["last_error"] is None and status["enrolled"]


def test_status_explains_the_last_error_in_words(enrolled: Library) -> None:
    fill(enrolled, 2)
    state.put(enrolled.db, server_url="http://127.0.0.1:9")
    with pytest.raises(SyncError) as caught:
        enrolled.sync.sync_now()
    assert caught.value.retry
    status = enrolled.sync.status()
    assert status.pending == 4
    assert status.last_error == ("Không kết nối được máy chủ thư viện huyện: máy này chưa có "
                                 "mạng, hoặc máy chủ đang tắt. Sẽ thử lại sau.")
    assert "Error" not in status.last_error  # was "(ConnectionError)"
    set_language("en")
    assert "Cannot reach the district server" in (enrolled.sync.status().last_error or "")


def test_cli_reports_errors_in_one_line(enrolled: Library,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    state.put(enrolled.db, server_url="http://127.0.0.1:9")
    assert thuvien(["--db", str(enrolled.path), "sync", "now"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Không kết nối được" in err


def test_refused_token_asks_to_enroll_again(enrolled: Library, district: Any) -> None:
    from server import registry
    from server.db import write

    with write(district.engine) as conn:  # the district issued a new code: old token dead
        registry.new_enrollment(conn, enrolled.code)  # type: ignore[attr-defined]
    fill(enrolled, 1)
    with pytest.raises(SyncError) as caught:
        enrolled.sync.sync_now()
    assert caught.value.code == "sync.token_refused" and not caught.value.retry


def test_token_is_kept_in_a_user_only_file_without_keyring(enrolled: Library) -> None:
    store = enrolled.sync.token_store()
    assert not store.uses_keyring
    assert store.file.exists() and stat.S_IMODE(os.stat(store.file).st_mode) == 0o600
    assert str(store.file) in store.where()
    assert "chỉ tài khoản máy tính của bạn mới mở được" in store.where()


def test_only_https_leaves_this_computer() -> None:
    assert check_url("https://thuvien.yenlap.edu.vn/") == "https://thuvien.yenlap.edu.vn"
    assert check_url("http://127.0.0.1:8470") == "http://127.0.0.1:8470"
    with pytest.raises(SyncError):
        check_url("http://thuvien.yenlap.edu.vn")


def test_tls_is_verified(enrolled: Library, district: Any) -> None:
    # A plain-HTTP server spoken to over https cannot present a valid certificate.
    state.put(enrolled.db, server_url=f"https://127.0.0.1:{district.port}")
    fill(enrolled, 1)
    with pytest.raises(SyncError) as caught:
        enrolled.sync.sync_now()
    assert caught.value.code in ("sync.tls", "sync.offline")


def test_sync_never_blocks_the_desk(enrolled: Library, district: Any) -> None:
    fill(enrolled, 1500)  # 3000 changes to push
    done = threading.Event()
    runner = enrolled.sync.runner(interval=3600, on_outcome=lambda outcome: done.set())
    runner.start()
    slowest = 0.0
    writes = 0
    while not done.is_set() and writes < 200:
        start = time.perf_counter()
        enrolled.catalog.add_record(f"Sách mới {writes}", authors=["Tô Hoài"])
        slowest = max(slowest, time.perf_counter() - start)
        writes += 1
    done.wait(120)
    runner.stop()
    assert writes > 5 and slowest < 1.0, (writes, slowest)
    with district.engine.connect() as conn:
        assert sum(len(received.changes(conn, lib_id))
                   for lib_id in conn.execute(select(libraries.c.id)).scalars()) >= 3000


def test_a_push_goes_through_the_proxy_the_environment_names(
        enrolled: Library, district: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The push reads the environment's proxies once per push, not per request: a proxy
    named there is still used (here a dead one: offline), and NO_PROXY still exempts."""
    import socket

    fill(enrolled, 3)  # 6 changes
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = sock.getsockname()[1]
    for name in ("NO_PROXY", "no_proxy", "http_proxy", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{dead}")
    client = SyncClient(enrolled.path, batch_size=2)
    try:
        with pytest.raises(SyncError) as caught:
            client.push()
        assert caught.value.code == "sync.offline"
        assert server_seqs(district, enrolled.code) == []
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        assert client.push() == (6, 6)
    finally:
        client.close()
    assert server_seqs(district, enrolled.code) == list(range(1, 7))


def test_enrollment_refusals_are_said_in_the_users_words(enrolled: Library, district: Any,
                                                         tmp_path: Path) -> None:
    """The server's English reason was pasted into the Vietnamese message ("Máy chủ từ chối mã
    ghi danh: enrollment code unknown, used or expired"), and an unreachable server said
    "(ConnectionError). Sẽ thử lại sau." though nothing retries an enrollment."""
    fresh = Library.open(tmp_path / "other.sqlite3")
    try:
        with pytest.raises(SyncError) as wrong:
            fresh.sync.enroll(district.url, "AAAA-BBBB-CCCC")
        assert wrong.value.code == "sync.enroll_code_invalid" and not wrong.value.retry
        assert wrong.value.message == (
            "Mã ghi danh không đúng, đã được dùng rồi hoặc đã hết hạn (mỗi mã chỉ dùng một lần). "
            "Kiểm tra lại mã, hoặc xin thư viện huyện một mã mới.")
        with pytest.raises(SyncError) as offline:
            fresh.sync.enroll("http://127.0.0.1:9", "AAAA-BBBB-CCCC")
        assert offline.value.message == ("Không kết nối được máy chủ http://127.0.0.1:9. Kiểm "
                                         "tra địa chỉ và đường mạng rồi ghi danh lại.")
        assert not offline.value.retry
    finally:
        fresh.close()
    # the enrolled database asks to enroll as a second library
    second = district.add_library(f"X{enrolled.code}"[:20])  # type: ignore[attr-defined]
    with pytest.raises(SyncError) as twice:
        enrolled.sync.enroll(district.url, second)
    assert twice.value.message == (f"CSDL này đã ghi danh là thư viện {enrolled.code} rồi; "  # type: ignore[attr-defined]
                                   "không ghi danh lần nữa dưới mã khác.")


def test_union_search_cli_says_why_nothing_was_found(enrolled: Library, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """'Tìm thấy 0 biểu ghi' told the librarian nothing: the copy may just be empty (never
    synced). And `sync status` of a library never enrolled said where 'the sync token is kept'."""
    fresh = tmp_path / "fresh.sqlite3"
    Library.open(fresh).close()
    assert thuvien(["--lang", "vi", "--db", str(fresh), "union-search", "truyen kieu"]) == 0
    assert capsys.readouterr().out.startswith("Máy này chưa có bản lưu mục lục liên hợp: ghi danh")
    assert thuvien(["--lang", "vi", "--db", str(fresh), "sync", "status"]) == 0
    assert "khoá đồng bộ" not in capsys.readouterr().out.lower()
    rid = enrolled.catalog.add_record("Truyện Kiều", authors=["Nguyễn Du"], year=2015)
    enrolled.catalog.add_item(rid, collection="TK")
    assert thuvien(["--db", str(enrolled.path), "sync", "now"]) == 0
    capsys.readouterr()
    assert thuvien(["--lang", "vi", "--db", str(enrolled.path), "union-search", "khong co sach nay"]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Không tìm thấy biểu ghi nào cho «khong co sach nay» trong mục lục")
    cached = enrolled.sync.status().union_records
    assert cached >= 1 and f"(bản lưu trên máy: {cached} biểu ghi)." in said
