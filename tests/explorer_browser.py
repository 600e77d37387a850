"""Fixtures for the real-browser tests: a sample dataset, `zhenggai serve` on a free loopback port,
and a headless Chromium (Debian's chromium + chromium-driver) driven by Selenium.

Without Chromium the tests skip with the reason, except under CI (the CI variable set), where
they fail.  ZHENGGAI_UPDATE_SCREENSHOTS=1 copies the screenshots to docs/img/ (the README's).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO

CHROMIUM = Path(os.environ.get("ZHENGGAI_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("ZHENGGAI_CHROMEDRIVER", "/usr/bin/chromedriver"))
SCREENSHOTS = REPO / "docs" / "img"
SERVER_START_SECONDS = 120


def require_browser() -> None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.is_file()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip install -e '.[test]')")
    if missing:
        reason = ("browser tests need " + ", ".join(missing)
                  + "; install with: apt-get install -y chromium chromium-driver fonts-noto-cjk")
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_sample_dataset(out: Path) -> Path:
    from zhenggai.corpus.batch import run_batch

    run_batch([str(REPO / "corpus" / "samples"), str(REPO / "corpus" / "gold")], str(out), jobs=1, progress=False)
    return out


class Server:
    def __init__(self, dataset: Path, workdir: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(workdir / "serve.log", "w+", encoding="utf-8")
        env = {**os.environ, "ZHENGGAI_CACHE": str(workdir / "cache")}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "zhenggai", "serve", str(dataset), "--port", str(self.port)],
            stdout=self.log, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"zhenggai serve exited {self.proc.returncode}: {self.output()}")
            try:
                with urllib.request.urlopen(self.base + "/-/versions.json", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"zhenggai serve did not answer in {SERVER_START_SECONDS} s: {self.output()}")
                time.sleep(0.3)

    def output(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()[-2000:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.log.close()


def start_chromium(profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1400,1000", f"--user-data-dir={profile}",
                "--lang=zh-CN"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(60)
    return driver


def requested_urls(driver) -> list[str]:
    """URLs the browser asked for since the last call (from Chrome's performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def save_screenshot(driver, tmp: Path, name: str) -> Path:
    path = tmp / name
    driver.save_screenshot(str(path))
    if os.environ.get("ZHENGGAI_UPDATE_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, SCREENSHOTS / name)
    return path


def new_profile() -> Path:
    return Path(tempfile.mkdtemp(prefix="zhenggai-chromium-"))
