#!/usr/bin/env python3
"""Find, or install, the Nu Html Checker (vnu) the tests run on every built page; print vnu.jar's path.

vnu.jar comes from the npm registry's ``vnu-jar`` package, pinned here with
the registry's integrity hash, unpacked into .venv/vnu/<version>/ (git-ignored,
and gone with ``make clean``). ``npm pack`` fetches it where npm is installed;
elsewhere the same pinned tarball is downloaded from the registry. Either way
the hash is checked before anything is unpacked.

vnu runs on Java 11 or newer: $HUB_JAVA, else ``java`` on PATH; as root on
Debian, ``apt-get install default-jre-headless`` when there is none (how CI
runs). Like ensure_browser.py, only the path goes to standard output; every
installer writes to standard error. Exits 1 saying what to install when it
cannot get both.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path

from _install import apt_install, can_apt_install, is_executable_file, run_installer, say

VERSION = "26.9.27"
# `npm view vnu-jar@26.9.27 dist.integrity`: the registry's own hash of the tarball.
INTEGRITY = "sha512-TkQd5DFfOaWC9ebtvozTsrH2Vaod3jYg+vrOeREzIXxBexLz9+rS2DNtjn7+RPUiZhgli0SghgBX6RJRNea0KA=="
TARBALL_URL = f"https://registry.npmjs.org/vnu-jar/-/vnu-jar-{VERSION}.tgz"
JAR_IN_TARBALL = "package/build/dist/vnu.jar"
JAR = Path(__file__).resolve().parents[1] / ".venv" / "vnu" / VERSION / "vnu.jar"
JAVA_PACKAGE = "default-jre-headless"  # Debian's headless Java (17 on Debian 12)
OLDEST_JAVA = 11  # vnu.jar's classes are Java 11 bytecode
HELP = f"""\
The Nu Html Checker (vnu {VERSION}) needs Java {OLDEST_JAVA} or newer and vnu.jar, and they could not be installed.
Get them, then run 'make test' again:
  - Java on Debian or Ubuntu: sudo apt-get install {JAVA_PACKAGE}; elsewhere any JRE {OLDEST_JAVA}+ on PATH,
    or point HUB_JAVA at its java executable
  - vnu.jar: npm pack vnu-jar@{VERSION}, unpack {JAR_IN_TARBALL} from it, and point HUB_VNU at it
    (or let this script put it in .venv/vnu/ when the npm registry can be reached)"""


def java_version(java: str) -> int | None:
    """The major version of the Java at ``java`` (8 for "1.8.0"), or None if it does not run."""
    try:
        result = subprocess.run([java, "-version"], capture_output=True, text=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr + result.stdout)
    if result.returncode != 0 or not found:
        return None
    major = int(found.group(1))
    return int(found.group(2) or 0) if major == 1 else major


def find_java() -> str | None:
    """A Java new enough for vnu: $HUB_JAVA, else ``java`` on PATH."""
    java = os.environ.get("HUB_JAVA") or shutil.which("java")
    if not is_executable_file(java):
        return None
    version = java_version(java)
    return java if version is not None and version >= OLDEST_JAVA else None


def install_java() -> str | None:
    """Debian's headless Java, when this machine allows it; the java found afterwards, or None."""
    if not can_apt_install():
        return None
    say(f"Installing Java from Debian's packages (apt-get install {JAVA_PACKAGE})...")
    return find_java() if apt_install(JAVA_PACKAGE) else None


def integrity_of(data: bytes) -> str:
    """The npm registry's integrity string for ``data`` (Subresource Integrity, SHA-512)."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def fetch_tarball() -> bytes | None:
    """The pinned vnu-jar tarball: with ``npm pack`` if npm is here, else straight from the registry."""
    npm = shutil.which("npm")
    if npm:
        say(f"Fetching vnu-jar {VERSION} from the npm registry (npm pack)...")
        with tempfile.TemporaryDirectory() as folder:
            if run_installer([npm, "pack", f"vnu-jar@{VERSION}", "--pack-destination", folder, "--silent"]):
                packed = sorted(Path(folder).glob("vnu-jar-*.tgz"))
                if packed:
                    return packed[0].read_bytes()
        say("npm pack did not give the tarball; downloading it from the registry instead.")
    say(f"Downloading {TARBALL_URL}...")
    try:
        with urllib.request.urlopen(TARBALL_URL, timeout=300) as response:  # noqa: S310 (a fixed https URL)
            return response.read()
    except OSError as exc:
        say(f"Could not download {TARBALL_URL}: {exc}")
        return None


def unpack_jar(tarball: bytes, jar: Path) -> None:
    """Write vnu.jar from ``tarball`` to ``jar``; whole or not at all (a rename, after the write)."""
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        try:
            member = archive.extractfile(JAR_IN_TARBALL)
        except KeyError:
            member = None
        if member is None:
            raise tarfile.TarError(f"{JAR_IN_TARBALL} is not a file in the tarball")
        data = member.read()
    jar.parent.mkdir(parents=True, exist_ok=True)
    partial = jar.with_suffix(".jar.part")
    partial.write_bytes(data)
    partial.replace(jar)


def install_vnu(jar: Path | None = None) -> Path | None:
    """Fetch the pinned tarball, check its hash, unpack vnu.jar to ``jar`` (JAR); the path, or None."""
    jar = jar or JAR
    tarball = fetch_tarball()
    if tarball is None:
        return None
    found = integrity_of(tarball)
    if found != INTEGRITY:
        say(f"The vnu-jar {VERSION} tarball does not match its pinned hash (got {found}); not using it.")
        return None
    try:
        unpack_jar(tarball, jar)
    except (tarfile.TarError, OSError) as exc:
        say(f"Could not unpack vnu.jar: {exc}")
        return None
    return jar


def find_jar() -> Path | None:
    """vnu.jar: $HUB_VNU, else the one this script unpacked before."""
    chosen = os.environ.get("HUB_VNU")
    if chosen:
        return Path(chosen) if Path(chosen).is_file() else None
    return JAR if JAR.is_file() else None


def runs(java: str, jar: Path) -> bool:
    """``java -jar jar --version`` works: the pair can check pages."""
    try:
        command = [java, "-jar", str(jar), "--version"]
        result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def main() -> int:
    chosen_java, chosen_jar = os.environ.get("HUB_JAVA"), os.environ.get("HUB_VNU")
    if chosen_java and not is_executable_file(chosen_java):
        say(f"HUB_JAVA={chosen_java!r} is not an executable file. Point it at java, or unset it.")
        return 1
    if chosen_jar and not Path(chosen_jar).is_file():
        say(f"HUB_VNU={chosen_jar!r} is not a file. Point it at vnu.jar, or unset it and 'make test' installs one.")
        return 1
    java = find_java() or install_java()
    if java is None:
        say(HELP)
        return 1
    jar = find_jar() or install_vnu()
    if jar is None or not runs(java, jar):
        say(f"vnu.jar at {jar} does not run with {java}.\n\n{HELP}" if jar else HELP)
        return 1
    print(jar)
    return 0


if __name__ == "__main__":
    sys.exit(main())
