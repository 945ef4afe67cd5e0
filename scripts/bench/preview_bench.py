#!/usr/bin/env python3
"""How quickly `waymark preview` shows a change (issue 19): the time from Save to the updated
page, for a typical guide, median and 95th percentile; target under 300 ms.

Starts `waymark preview --port 0` on a temporary copy of a guides folder (the repository's five
guides by default) and, once the first build is done, saves the guide BENCH_PREVIEW_GUIDE
(`bullying`) RUNS times through the editor's form, each time adding or removing a link whose
text is "click here", and times:

- save → updated page: the POST of the form until the editor page it leads to has arrived,
  showing the new findings (what an author waits for after pressing Save);
- save → formats rebuilt: until the server-sent event says the guide's files were built again
  (every format, the PDFs too);
- file changed on disk → page told: a write to the file from outside (another editor) until
  the server-sent event for it, and → updated page: until the page fetched after it has arrived.

Only loopback is used; every loop is bounded in count and time. Prints a Markdown section.
"""
from __future__ import annotations

import argparse
import http.client
import re
import statistics
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "Tests" / "Preview"))
from preview_process import PreviewProcess  # noqa: E402

BAD = "\nFor more help, [click here](https://www.childline.org.uk).\n"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share * (len(ordered) - 1))))
    return ordered[rank]


class Server(PreviewProcess):
    """The preview, and the server-sent events it has sent, with when each arrived."""

    def __init__(self, waymark: Path, guides: Path):
        super().__init__(waymark, guides, prefix="waymark-preview-bench-")
        self.events: list[tuple[float, str]] = []
        self.lock = threading.Condition()
        threading.Thread(target=self.listen, daemon=True).start()

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, str, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if body is not None else {}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8")
        location = response.getheader("Location") or ""
        connection.close()
        return response.status, text, location

    def listen(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        connection.request("GET", "/events")
        response = connection.getresponse()
        while True:
            line = response.readline()
            if not line:
                return
            line = line.decode("utf-8").strip()
            if line.startswith("data: "):
                with self.lock:
                    self.events.append((time.monotonic(), line[6:]))
                    self.lock.notify_all()

    def wait_event(self, after: float, slug: str, kind: str, seconds: float = 30) -> float | None:
        deadline = time.monotonic() + seconds
        with self.lock:
            while True:
                for at, data in self.events:
                    if at >= after and f'"slug":"{slug}"' in data and f'"kind":"{kind}"' in data:
                        return at
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                self.lock.wait(remaining)


def field(name: str, html: str) -> str:
    match = re.search(r'name="%s"[^>]*value="([^"]*)"' % re.escape(name), html)
    return match.group(1) if match else ""


def textarea(html: str) -> str:
    match = re.search(r'<textarea id="source"[^>]*>\n?(.*?)</textarea>', html, re.S)
    text = match.group(1) if match else ""
    for entity, character in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#39;", "'"), ("&amp;", "&")):
        text = text.replace(entity, character)
    return text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--waymark", type=Path, required=True)
    parser.add_argument("--guides", type=Path, required=True)
    parser.add_argument("--guide", default="bullying")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--target-ms", type=float, default=300)
    args = parser.parse_args(argv)
    server = Server(args.waymark.resolve(), args.guides.resolve())
    slug = args.guide
    editor = f"/guides/{urllib.parse.quote(slug)}/edit"
    try:
        # The first build (every guide, every format) before anything is timed.
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            _, page, _ = server.request("GET", f"/guides/{slug}")
            if "Being built" not in page:
                break
            time.sleep(0.2)
        saves, builds, told, shown = [], [], [], []
        for run in range(max(1, min(args.runs, 500))):
            _, page, _ = server.request("GET", editor)
            text = textarea(page)
            text = text.replace(BAD, "") if BAD in text else text + BAD
            body = urllib.parse.urlencode({"csrf": field("csrf", page), "version": field("version", page), "text": text})
            start = time.monotonic()
            status, _, location = server.request("POST", editor, body)
            if status != 303:
                raise SystemExit(f"bench: the save answered {status}")
            _, page, _ = server.request("GET", location)
            saves.append(time.monotonic() - start)
            if ("click here" in page) != (BAD in text):
                raise SystemExit("bench: the page after the save does not show the saved text's findings")
            built = server.wait_event(start, slug, "build")
            if built is not None:
                builds.append(built - start)
            # The watcher sees the save too; let it settle before the next run.
            time.sleep(0.6)
        guide = server.guides / f"{slug}.md"
        for run in range(max(1, min(args.runs // 2, 100))):
            text = guide.read_text(encoding="utf-8")
            start = time.monotonic()
            guide.write_text(text.replace(BAD, "") if BAD in text else text + BAD, encoding="utf-8")
            at = server.wait_event(start, slug, "check", seconds=10)
            if at is None:
                continue
            told.append(at - start)
            server.request("GET", f"/guides/{slug}")
            shown.append(time.monotonic() - start)
            server.wait_event(start, slug, "build")
            time.sleep(0.6)
    finally:
        server.stop()

    def row(name: str, values: list[float]) -> str:
        if not values:
            return f"| {name} | 0 | – | – | – |"
        median, p95 = statistics.median(values) * 1000, percentile(values, 0.95) * 1000
        return f"| {name} | {len(values)} | {median:.0f} | {p95:.0f} | {max(values) * 1000:.0f} |"

    median = statistics.median(saves) * 1000
    p95 = percentile(saves, 0.95) * 1000
    print("**waymark preview: from a change to the updated page** (issue 19)")
    print()
    print(f"Guide `{slug}.md` in a copy of {args.guides.name}/ ({len(list(args.guides.glob('*.md')))} guides), "
          f"{len(saves)} saves through the editor's form, each adding or removing a 'click here' link; times in ms.")
    print()
    print("| from → to | runs | median | 95th percentile | slowest |")
    print("|---|---|---|---|---|")
    print(row("save → updated page (new findings)", saves))
    print(row("save → formats rebuilt (all, PDFs too)", builds))
    print(row("file changed on disk → page told (SSE)", told))
    print(row("file changed on disk → updated page", shown))
    print()
    verdict = "meets" if p95 < args.target_ms else "misses"
    print(f"Save → updated page: median {median:.0f} ms, 95th percentile {p95:.0f} ms: {verdict} the target of {args.target_ms:.0f} ms.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
