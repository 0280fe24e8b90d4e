"""scripts/review_issues.py against a small fake of GitHub's issues API on the loopback address."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from support import ROOT, case_study_text

SCRIPT = ROOT / "scripts" / "review_issues.py"
TOKEN = "test-token"
REPO = "example/hub"


class FakeGitHub:
    """Issues in memory, with GitHub's paging (two per page here, to exercise it) and its auth."""

    def __init__(self):
        self.issues: dict[int, dict] = {}
        self.comments: dict[int, list[str]] = {}
        self.writes: list[str] = []

    def add(self, title: str, body: str, labels=("review due",)) -> int:
        number = len(self.issues) + 1
        self.issues[number] = {
            "number": number,
            "title": title,
            "body": body,
            "state": "open",
            "labels": [{"name": n} for n in labels],
        }
        return number

    def open_with_label(self, label: str) -> list[dict]:
        return [
            i for i in self.issues.values() if i["state"] == "open" and label in {lab["name"] for lab in i["labels"]}
        ]


def handler_for(fake: FakeGitHub):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def reply(self, code: int, data, headers=None):
            body = json.dumps(data).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def authorised(self) -> bool:
            if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                self.reply(401, {"message": "Bad credentials"})
                return False
            return True

        def body(self) -> dict:
            return json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")

        def do_GET(self):
            if not self.authorised():
                return
            url = urlparse(self.path)
            assert url.path == f"/repos/{REPO}/issues", url.path
            query = parse_qs(url.query)
            found = fake.open_with_label(query["labels"][0])
            page, size = int(query.get("page", ["1"])[0]), 2
            headers = {}
            if page * size < len(found):
                headers["Link"] = (
                    f'<http://{self.headers["Host"]}{url.path}?labels=review+due&state=open&page={page + 1}>; rel="next"'
                )
            self.reply(200, found[(page - 1) * size : page * size], headers)

        def do_POST(self):
            if not self.authorised():
                return
            path, data = urlparse(self.path).path, self.body()
            if path == f"/repos/{REPO}/issues":
                number = fake.add(data["title"], data["body"], data["labels"])
                fake.writes.append(f"open #{number}")
                self.reply(201, fake.issues[number])
            elif match := re.fullmatch(rf"/repos/{REPO}/issues/(\d+)/comments", path):
                fake.comments.setdefault(int(match.group(1)), []).append(data["body"])
                self.reply(201, {"body": data["body"]})
            else:
                self.reply(404, {"message": "Not Found"})

        def do_PATCH(self):
            if not self.authorised():
                return
            match = re.fullmatch(rf"/repos/{REPO}/issues/(\d+)", urlparse(self.path).path)
            issue = fake.issues[int(match.group(1))]
            issue.update(self.body())
            fake.writes.append(f"{'close' if issue['state'] == 'closed' else 'update'} #{issue['number']}")
            self.reply(200, issue)

    return Handler


@pytest.fixture
def github():
    fake = FakeGitHub()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(fake))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture
def folder(tmp_path):
    studies = tmp_path / "case_studies"
    studies.mkdir()
    write(studies, "overdue-one", "2026-11-01")
    write(studies, "overdue-two", "2026-10-01")
    write(studies, "not-yet", "2027-06-01")
    return studies


def write(folder, stem: str, review_due: str) -> None:
    text = case_study_text(title=stem.replace("-", " ").capitalize(), review_due=review_due)
    (folder / f"{stem}.md").write_text(text, encoding="utf-8")


def run(github, folder, *args, today="2026-12-01", token=TOKEN):
    env = {
        **os.environ,
        "GITHUB_API_URL": github.url,
        "GITHUB_REPOSITORY": REPO,
        "GITHUB_TOKEN": token,
        "HUB_SITE_URL": "https://hub.example.org/",
    }
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--case-studies", str(folder), "--today", today, *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.splitlines()


def open_paths(github) -> list[str]:
    return sorted(re.search(r"hub-review: (\S+) -->", i["body"]).group(1) for i in github.open_with_label("review due"))


def test_opens_one_issue_per_overdue_entry_and_never_a_duplicate(github, folder):
    run(github, folder)
    assert [p.rsplit("/", 1)[1] for p in open_paths(github)] == ["overdue-one.md", "overdue-two.md"]
    first = github.issues[1]
    assert first["title"].startswith("Review due: ") and "edit it" in first["body"]
    assert "https://github.com/example/hub/edit/main/" in first["body"]
    assert run(github, folder) == ["2 overdue; 0 changes."]  # the same day again: nothing to do
    assert len(github.issues) == 2 and github.writes == ["open #1", "open #2"]


def test_updates_the_issue_as_days_pass_and_closes_it_when_the_date_moves_on(github, folder):
    run(github, folder)
    run(github, folder, today="2026-12-08")
    assert sorted(github.writes[2:]) == ["update #1", "update #2"]  # "... days ago" changed
    assert all("days ago" in i["body"] for i in github.issues.values())
    write(folder, "overdue-one", "2027-12-01")  # reviewed: its date moved on
    lines = run(github, folder, today="2026-12-08")
    assert lines[-1] == "1 overdue; 1 change."
    closed = [i for i in github.issues.values() if i["state"] == "closed"]
    assert len(closed) == 1 and "overdue-one" in closed[0]["body"]
    assert github.comments[closed[0]["number"]] == [
        "No longer overdue: its review date has moved on, or the file is gone."
    ]


def test_follows_pages_and_closes_duplicates_made_by_hand(github, folder):
    run(github, folder)
    duplicate = github.add("By hand", github.issues[1]["body"])
    github.add("Someone else's issue", "No marker here.")
    lines = run(github, folder)
    assert lines == [f"close #{duplicate}: " + lines[0].split(": ", 1)[1], "2 overdue; 1 change."]
    assert github.issues[duplicate]["state"] == "closed" and github.issues[4]["state"] == "open"


def test_dry_run_changes_nothing(github, folder):
    lines = run(github, folder, "--dry-run")
    assert [line.split(":")[0] for line in lines[:-1]] == ["would open", "would open"]
    assert lines[-1] == "2 overdue; 2 changes (dry run: nothing changed)."
    assert github.issues == {} and github.writes == []


def test_bad_credentials_are_a_clear_error_not_a_traceback(github, folder):
    env = {**os.environ, "GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": REPO, "GITHUB_TOKEN": "wrong"}
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--case-studies", str(folder), "--today", "2026-12-01"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert "401 Unauthorized" in result.stderr and "Traceback" not in result.stderr
