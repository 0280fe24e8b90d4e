"""scripts/ensure_vnu.py: the pinned vnu.jar, checked against its hash, and only its path on standard output."""

from __future__ import annotations

import functools
import http.server
import io
import sys
import tarfile
import threading
from pathlib import Path

import pytest

import ensure_vnu

JAR_BYTES = b"PK\x03\x04 not really a jar"
NOISE = "npm notice Tarball Contents\nnpm notice 32.4MB build/dist/vnu.jar\n"


def tarball(files: dict[str, bytes]) -> bytes:
    """A gzipped tarball holding ``files``, like the npm registry's."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


GOOD = tarball({"package/package.json": b"{}", ensure_vnu.JAR_IN_TARBALL: JAR_BYTES})


def executable(path: Path, text: str) -> Path:
    path.write_text(text)
    path.chmod(0o755)
    return path


@pytest.fixture
def machine(tmp_path, monkeypatch):
    """A PATH of our own, no $HUB_* settings, the jar's home in tmp_path, the good tarball pinned."""
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    for name in ("HUB_JAVA", "HUB_VNU"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(ensure_vnu, "JAR", tmp_path / "vnu" / "vnu.jar")
    monkeypatch.setattr(ensure_vnu, "INTEGRITY", ensure_vnu.integrity_of(GOOD))
    monkeypatch.setattr(ensure_vnu, "can_apt_install", lambda: False)
    return tmp_path


def fake_npm(bin_dir: Path, data: bytes) -> None:
    """An npm whose ``pack`` prints noise on standard output and leaves ``data`` as the tarball."""
    (bin_dir / "tarball.tgz").write_bytes(data)
    executable(
        bin_dir / "npm",
        f"""#!{sys.executable}
import shutil, sys
sys.stdout.write({NOISE!r})
destination = sys.argv[sys.argv.index("--pack-destination") + 1]
shutil.copy({str(bin_dir / "tarball.tgz")!r}, destination + "/vnu-jar-{ensure_vnu.VERSION}.tgz")
""",
    )


def fake_java(bin_dir: Path, version_line: str) -> Path:
    return executable(bin_dir / "java", f"#!/bin/sh\necho '{version_line}' >&2\n")


def test_the_pinned_integrity_is_the_registrys_sha512():
    assert ensure_vnu.integrity_of(b"") == (
        "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="
    )
    assert ensure_vnu.INTEGRITY.startswith("sha512-") and ensure_vnu.VERSION in ensure_vnu.TARBALL_URL


@pytest.mark.parametrize(
    ("line", "major"),
    [
        ('openjdk version "17.0.15" 2025-04-15', 17),
        ('java version "1.8.0_392"', 8),
        ('openjdk version "21" 2023-09-19', 21),
    ],
)
def test_java_version_reads_the_major_version(tmp_path, line, major):
    assert ensure_vnu.java_version(str(fake_java(tmp_path, line))) == major


def test_a_java_older_than_11_is_not_used(machine, capfd):
    fake_java(machine / "bin", 'java version "1.8.0_392"')
    assert ensure_vnu.find_java() is None
    assert ensure_vnu.main() == 1
    out, err = capfd.readouterr()
    assert out == ""
    assert ensure_vnu.HELP in err


def test_npm_output_goes_to_standard_error_and_only_the_jar_to_standard_output(machine, monkeypatch, capfd):
    fake_java(machine / "bin", 'openjdk version "17.0.15"')
    fake_npm(machine / "bin", GOOD)
    monkeypatch.setattr(ensure_vnu, "runs", lambda java, jar: True)
    assert ensure_vnu.main() == 0
    out, err = capfd.readouterr()
    assert out == f"{machine / 'vnu' / 'vnu.jar'}\n"
    assert NOISE in err
    assert (machine / "vnu" / "vnu.jar").read_bytes() == JAR_BYTES


def test_a_tarball_that_does_not_match_its_hash_is_not_unpacked(machine, capfd):
    fake_npm(machine / "bin", tarball({ensure_vnu.JAR_IN_TARBALL: b"something else"}))
    assert ensure_vnu.install_vnu() is None
    assert "does not match its pinned hash" in capfd.readouterr().err
    assert not (machine / "vnu").exists()


def test_without_npm_the_pinned_tarball_is_downloaded_from_the_registry(machine, monkeypatch):
    (machine / "registry").mkdir()
    (machine / "registry" / "vnu-jar.tgz").write_bytes(GOOD)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(machine / "registry"))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]  (quiet test output)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setattr(ensure_vnu, "TARBALL_URL", f"http://127.0.0.1:{server.server_address[1]}/vnu-jar.tgz")
        assert ensure_vnu.install_vnu() == machine / "vnu" / "vnu.jar"
    finally:
        server.shutdown()
        server.server_close()
    assert (machine / "vnu" / "vnu.jar").read_bytes() == JAR_BYTES


def test_a_tarball_without_the_jar_is_reported(machine, monkeypatch, capfd):
    empty = tarball({"package/package.json": b"{}"})
    monkeypatch.setattr(ensure_vnu, "INTEGRITY", ensure_vnu.integrity_of(empty))
    fake_npm(machine / "bin", empty)
    assert ensure_vnu.install_vnu() is None
    assert "Could not unpack vnu.jar" in capfd.readouterr().err


@pytest.mark.parametrize("name", ["HUB_JAVA", "HUB_VNU"])
def test_a_chosen_path_that_is_not_there_is_a_clear_error(machine, monkeypatch, capfd, name):
    monkeypatch.setenv(name, str(machine / "nothing-here"))
    assert ensure_vnu.main() == 1
    out, err = capfd.readouterr()
    assert out == ""
    assert err.startswith(f"{name}='{machine / 'nothing-here'}' is not")
