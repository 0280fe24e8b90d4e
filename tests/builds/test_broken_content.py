"""A broken case study fails the strict build with the validator's message, and is never dropped."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sites import build, write_site
from support import ROOT, case_study_text

pytestmark = pytest.mark.build

GOOD = case_study_text(title="A good one")
BROKEN = case_study_text(title="A broken one", boroughs=["Hackny"])
MESSAGE = "case_studies/broken.md:5: boroughs[1]: 'Hackny' is not a known London area (did you mean 'Hackney'?)"


def validator_output(root) -> list[str]:
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "validate.py"),
            "--case-studies",
            "case_studies",
            "--resources",
            "docs/leadership",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
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
    assert "boroughs[1]: &#39;Hackny&#39; is not a known London area" in page
    assert "A broken one" in built.html("case-studies/")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "case_studies/broken.md:1: file: is empty; a case study starts with front matter between '---' lines"),
        (
            case_study_text(title="Caf\u00e9").encode("latin-1"),
            "case_studies/broken.md:2: file: is not UTF-8 text (byte 0xe9 cannot be read); save it with UTF-8 encoding",
        ),
        ("---\ntitle: [x\n---\n", "case_studies/broken.md:2: front matter: is not valid YAML"),
        (
            case_study_text(published="2025-02-30"),
            "case_studies/broken.md:7: published: '2025-02-30' is not a real date",
        ),
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
    write_site(
        tmp_path, {"good.md": GOOD}, docs={"contribute.md": "# Contribute\n\n<!-- hub:case-studies theme=nope -->\n"}
    )
    built = build(tmp_path)
    assert built.returncode != 0
    assert "docs/contribute.md:3: marker: 'nope' is not a known theme" in built.log


def test_hand_written_page_at_a_generated_address_is_refused(tmp_path):
    write_site(tmp_path, {"good.md": GOOD}, docs={"themes/workforce.md": "# Mine\n"})
    built = build(tmp_path)
    assert built.returncode != 0
    assert "docs/themes/workforce.md has the address of a file the hub generates" in built.log
    assert "Traceback" not in built.log


def test_unsafe_content_fails_the_strict_build_and_warnings_do_not(tmp_path):
    body = (
        "## What we did\n\nDone. <img src=x onerror=alert(1)>\n\n## Results\n\nGood.\n\n## What we learned\n\nMuch.\n"
    )
    warned = case_study_text(title="Warned", body=body.replace(" <img src=x onerror=alert(1)>", " Her DOB was noted."))
    write_site(
        tmp_path, {"good.md": GOOD, "unsafe.md": case_study_text(title="Unsafe", body=body), "warned.md": warned}
    )
    built = build(tmp_path)
    assert built.returncode != 0
    assert (
        "case_studies/unsafe.md:19: body: the HTML attribute 'onerror=' is not allowed: pages may not run code"
        in built.log
    )
    assert "WARNING -  case_studies/warned.md" not in built.log
    assert "case_studies/warned.md:19: patient data: warning: 'DOB' may introduce a date of birth" in built.log


def test_overdue_case_study_page_says_so(tmp_path):
    old = case_study_text(title="Old one", published="2020-01-01", review_due="2021-01-01")
    current = case_study_text(title="Current one", review_due="2099-01-01")
    write_site(tmp_path, {"good.md": current, "old.md": old})
    built = build(tmp_path)
    assert built.returncode == 0, built.log
    assert "Due for review." in built.html("case-studies/old/")
    assert "Due for review." not in built.html("case-studies/good/")
