"""`waymark preview` started in a temporary copy of a guides folder, for the browser test
(preview_browser.py) and the benchmark (scripts/bench/preview_bench.py)."""
from __future__ import annotations

import re
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path


class PreviewProcess:
    """`waymark preview --port 0` in a new temporary project holding a copy of `guides`
    (and the `waymark.yml` beside it, if any); `url` and `port` once it listens."""

    def __init__(self, waymark: Path, guides: Path, prefix: str = "waymark-preview-"):
        self.folder = Path(tempfile.mkdtemp(prefix=prefix))
        shutil.copytree(guides, self.folder / "Guides")
        settings = guides.parent / "waymark.yml"
        if settings.exists():
            shutil.copy(settings, self.folder / "waymark.yml")
        self.guides = self.folder / "Guides"
        self.process = subprocess.Popen(
            [str(waymark), "preview", "--port", "0", "--output", str(self.folder / "preview-output")], cwd=self.folder,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self.url: str | None = None
        self.port: int | None = None
        listening = threading.Event()

        def read():
            for line in self.process.stdout:
                self.lines.append(line.rstrip("\n"))
                match = re.search(r"(http://127\.0\.0\.1:(\d+)/)", line)
                if match and self.url is None:
                    self.url, self.port = match.group(1), int(match.group(2))
                    listening.set()
        threading.Thread(target=read, daemon=True).start()
        if not listening.wait(60):
            self.stop()
            raise RuntimeError("waymark preview printed no address: " + "\n".join(self.lines))

    def stop(self):
        """Stops the preview as Control-C would, then removes the project."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)
