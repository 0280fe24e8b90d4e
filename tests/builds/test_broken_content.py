"""A broken case study fails the strict build with the validator's message, and is never dropped."""

from __future__ import annotations

import subprocess
import sys

import pytest

from support import ROOT, case_study_text
from sites import build, write_site

pytestmark = pytest.mark.build

GOOD = case_study_text(title="A good one")
BROKEN = case_study_text(title="A broken one", boroughs=["Hackny"])
MESSAGE = "case_studies/broken.md:5: boroughs[1]: 'Hackny' is not a known London area (did you mean 'Hackney'?)"


def validator_output(root) -> list[str]:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), "--case-studies", "case_studies", "--resources", "docs/leadership"],
        cwd=root, capture_output=True, text=True, check=False,
    )
    return result.stdout.splitlines()[:-1]


def test_strict_build_fails_with_the_validators_message(tmp_path):
    write_site(tmp_path, {"good.md": GOOD, "broken.md": BROKEN})
    built = build(tmp_path)
    assert built.returncode != 0
    assert f"WARNING -  {MESSAGE}" in built.log
    assert "Aborted with 1 warnings in strict mode!" in built.log
    assert validator_output(tmp_path) == [MESSAGE]


def test_preview_build_keeps_the_broken_case_study_and_shows_its_problems(tmp_path):
    write_site(tmp_path, {"good.md": GOOD, "broken.md": BROKEN})
    built = build(tmp_path, "--no-strict")
    assert built.returncode == 0, built.log
    page = built.html("case-studies/broken/")
    assert "This case study has 1 problem." in page
    assert "boroughs[1]: &#x27;Hackny&#x27; is not a known London area" in page
    assert "A broken one" in built.html("case-studies/")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "case_studies/broken.md:1: file: is empty; a case study starts with front matter between '---' lines"),
        (case_study_text(title="Caf\u00e9").encode("latin-1"),
         "case_studies/broken.md:2: file: is not UTF-8 text (byte 0xe9 cannot be read); save it with UTF-8 encoding"),
        ("---\ntitle: [x\n---\n", "case_studies/broken.md:2: front matter: is not valid YAML"),
        (case_study_text(published="2025-02-30"), "case_studies/broken.md:7: published: '2025-02-30' is not a real date"),
    ],
)
def test_unreadable_files_fail_cleanly(tmp_path, content, message):
    write_site(tmp_path, {"good.md": GOOD, "broken.md": content})
    built = build(tmp_path)
    assert built.returncode != 0
    assert "Traceback" not in built.log
    assert message in built.log
    preview = build(tmp_path, "--no-strict")
    assert preview.returncode == 0, preview.log
    assert (preview.site / "case-studies" / "broken" / "index.html").is_file()


def test_unknown_marker_fails_the_build(tmp_path):
    write_site(tmp_path, {"good.md": GOOD}, docs={"contribute.md": "# Contribute\n\n<!-- hub:case-studies theme=nope -->\n"})
    built = build(tmp_path)
    assert built.returncode != 0
    assert "docs/contribute.md:3: marker: 'nope' is not a known theme" in built.log


def test_hand_written_page_at_a_generated_address_is_refused(tmp_path):
    write_site(tmp_path, {"good.md": GOOD}, docs={"themes/workforce.md": "# Mine\n"})
    built = build(tmp_path)
    assert built.returncode != 0
    assert "docs/themes/workforce.md has the address of a page the hub generates" in built.log
    assert "Traceback" not in built.log
