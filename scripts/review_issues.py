#!/usr/bin/env python3
"""Keep one GitHub issue open for each case study or adoption note overdue for review.

Opens an issue when an entry falls due, updates it rather than opening another,
and closes it when the entry's review_due moves on (the weekly workflow
.github/workflows/reviews.yml runs this).

Usage:
  python scripts/review_issues.py --dry-run      # print what it would do; change nothing
  python scripts/review_issues.py                # needs GITHUB_TOKEN and GITHUB_REPOSITORY

Environment: GITHUB_TOKEN, GITHUB_REPOSITORY (owner/name), GITHUB_API_URL
(default https://api.github.com), GITHUB_SERVER_URL (default https://github.com),
HUB_SITE_URL (the published site, for page links).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

import _paths  # noqa: F401  (puts hooks/ on sys.path)
from _paths import CASE_STUDIES, ROOT, contract_or_exit, run
from hub import pipeline
from hub.index.reviews import select_reviews, with_reason
from hub.outputs.reviewissues import LABEL, Action, Issue, issue_body, plan


class GitHubError(Exception):
    """GitHub refused a request; the message says which and why."""


class GitHub:
    """The few calls of GitHub's REST API this script needs."""

    def __init__(self, api: str, repository: str, token: str):
        self.base = f"{api.rstrip('/')}/repos/{repository}"
        self.token = token

    def request(self, method: str, url: str, data: dict[str, Any] | None = None) -> tuple[Any, dict[str, str]]:
        body = json.dumps(data).encode() if data is not None else None
        request = urllib.request.Request(
            url,
            data=body,
            method=method,
            headers={
                "Accept": "application/vnd.github+json",
                "Authorization": f"Bearer {self.token}",
                "X-GitHub-Api-Version": "2022-11-28",
                "Content-Type": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read() or b"null"), dict(response.headers)
        except urllib.error.HTTPError as exc:
            raise GitHubError(
                f"{method} {url}: {exc.code} {exc.reason}: {exc.read().decode(errors='replace')[:300]}"
            ) from exc
        except urllib.error.URLError as exc:
            raise GitHubError(f"{method} {url}: {exc.reason}") from exc

    def open_issues(self) -> list[Issue]:
        """Every open issue with the review label, following GitHub's pages."""
        query = urllib.parse.urlencode({"labels": LABEL, "state": "open", "per_page": 100})
        url: str | None = f"{self.base}/issues?{query}"
        issues = []
        while url:
            data, headers = self.request("GET", url)
            issues += [Issue(i["number"], i["title"], i.get("body") or "") for i in data if "pull_request" not in i]
            url = next_page(headers.get("Link", ""))
        return issues

    def apply(self, action: Action) -> None:
        if action.kind == "open":
            self.request("POST", f"{self.base}/issues", {"title": action.title, "body": action.body, "labels": [LABEL]})
        elif action.kind == "update":
            self.request("PATCH", f"{self.base}/issues/{action.number}", {"title": action.title, "body": action.body})
        elif action.kind == "close":
            self.request("POST", f"{self.base}/issues/{action.number}/comments", {"body": action.comment})
            self.request(
                "PATCH", f"{self.base}/issues/{action.number}", {"state": "closed", "state_reason": "completed"}
            )


def next_page(link: str) -> str | None:
    """The rel="next" address of a Link header, if there is one."""
    for part in link.split(","):
        address, _, rel = part.partition(";")
        if 'rel="next"' in rel:
            return address.strip().strip("<>")
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--dry-run", action="store_true", help="print what would be done; change nothing")
    parser.add_argument("--branch", default="main", help="the branch edit links point to (default: main)")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), help=argparse.SUPPRESS)
    parser.add_argument("--case-studies", type=Path, default=CASE_STUDIES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    contract_or_exit()
    env = os.environ
    repository, token = env.get("GITHUB_REPOSITORY", ""), env.get("GITHUB_TOKEN", "")
    if not args.dry_run and not (repository and token):
        print("GITHUB_REPOSITORY (owner/name) and GITHUB_TOKEN are needed; or use --dry-run.", file=sys.stderr)
        return 2
    config = pipeline.HubConfig(root=ROOT, case_studies=args.case_studies.resolve(), today=args.today)
    collection = pipeline.load_hub(config).collection
    overdue = with_reason(select_reviews(collection.case_studies, collection.adoptions, args.today), "overdue")
    site = env.get("HUB_SITE_URL") or "https://example.org/"
    server = env.get("GITHUB_SERVER_URL") or "https://github.com"

    def body_of(item):
        edit = f"{server}/{repository or 'OWNER/REPOSITORY'}/edit/{args.branch}/{item.path}"
        return issue_body(item, args.today, urllib.parse.urljoin(site, item.url), edit)

    github = GitHub(env.get("GITHUB_API_URL") or "https://api.github.com", repository, token)
    try:
        # Without a token (a dry run), the open issues cannot be read: every overdue entry would be opened.
        actions = plan(overdue, github.open_issues() if token and repository else [], body_of)
        for action in actions:
            print(("would " if args.dry_run else "") + action.describe())
            if not args.dry_run:
                github.apply(action)
    except GitHubError as exc:
        print(f"GitHub: {exc}", file=sys.stderr)
        return 1
    print(
        f"{len(overdue)} overdue; {len(actions)} change{'s' if len(actions) != 1 else ''}"
        + (" (dry run: nothing changed)." if args.dry_run else ".")
    )
    return 0


if __name__ == "__main__":
    run(main)
