"""`zhenggai extract`: output, options, and one-line errors that name the input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SAMPLE
from zhenggai.cli import main


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "zhenggai", *args], input=stdin, capture_output=True
    )


def test_extract_sample_prints_a_record():
    result = run("extract", str(SAMPLE))
    assert result.returncode == 0, result.stderr.decode()
    record = json.loads(result.stdout)
    assert record["schema_version"] == "1"
    assert record["title"] == "中共青澜市财政局党组关于市委第二轮巡察整改进展情况的通报"
    assert record["text"] == SAMPLE.read_text(encoding="utf-8")
    kinds = {m["kind"] for m in record["mentions"]}
    assert {"money", "date", "count", "percent", "multiple", "document", "docnumber"} <= kinds
    money = {m["text"]: m["value"] for m in record["mentions"] if m["kind"] == "money"}
    assert money["8,650万元"] == 86500000
    assert money["2.36亿元"] == 236000000
    assert money["37.8万元"] == 378000


def test_extract_output_file_and_pretty(tmp_path):
    out = tmp_path / "notice.json"
    assert main(["extract", str(SAMPLE), "-o", str(out), "--pretty"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("{\n  ")
    assert json.loads(text)["issuer"] == "中共青澜市财政局党组"


def test_extract_reads_standard_input():
    result = run("extract", "-", stdin=SAMPLE.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["source"]["path"] in (None, "<stdin>", "-")


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "make_input, message",
    [
        pytest.param(lambda tmp: tmp / "missing.txt", "missing.txt", id="missing-file"),
        pytest.param(lambda tmp: tmp, "directory", id="directory"),
        pytest.param(lambda tmp: _write(tmp / "empty.txt", b""), "empty.txt", id="empty"),
        pytest.param(lambda tmp: _write(tmp / "junk.txt", bytes(range(256)) * 40), "junk.txt", id="binary-junk"),
        pytest.param(
            lambda tmp: _write(tmp / "mojibake.txt", ("关于市委巡察整改情况的通报。" * 6).encode().decode("gbk", "replace").encode()),
            "mojibake.txt",
            id="mojibake",
        ),
    ],
)
def test_bad_input_is_one_line_error(tmp_path, make_input, message):
    path = make_input(tmp_path)
    result = run("extract", str(path))
    assert result.returncode == 1
    err = result.stderr.decode().strip()
    assert err.count("\n") == 0, err
    assert err.startswith("zhenggai: error: ")
    assert message in err
    assert result.stdout == b""


def test_unwritable_output_says_how_to_fix(tmp_path):
    result = run("extract", str(SAMPLE), "-o", str(tmp_path / "no" / "such" / "dir" / "x.json"))
    assert result.returncode == 1
    assert "cannot write output" in result.stderr.decode()


def test_no_command_prints_help():
    result = run()
    assert result.returncode == 2
    assert b"extract" in result.stdout


def test_extract_does_not_import_spacy_or_pandas(tmp_path):
    code = (
        "import sys, io, contextlib\n"
        "from zhenggai.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    rc = main(['extract', {str(SAMPLE)!r}, '-o', {str(tmp_path / 'out.json')!r}])\n"
        "heavy = [m for m in ('spacy', 'pandas', 'jieba', 'duckdb', 'dask', 'trafilatura', 'pyarrow') if m in sys.modules]\n"
        "print(rc, heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "0 []", result.stdout + result.stderr


# -- limits are checked as they are given: finite and positive, else a usage error (exit 2) -------

def _one_usage_line(result, *words):
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert err.count("\n") == 1 and err.startswith("zhenggai: error: "), err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


@pytest.mark.parametrize("command", ["extract", "render"])
@pytest.mark.parametrize(
    "flag,value",
    [("--max-bytes", "abc"), ("--max-bytes", "1e400"), ("--max-bytes", "-5"), ("--max-chars", "1e400"),
     ("--max-chars", "nan"), ("--timeout", "nan"), ("--timeout", "-1"), ("--timeout", "inf"),
     ("--timeout", "0")],
    ids=["bytes-abc", "bytes-1e400", "bytes-negative", "chars-1e400", "chars-nan", "timeout-nan",
         "timeout-negative", "timeout-inf", "timeout-zero"],
)
def test_bad_limit_flag_is_a_one_line_usage_error(tmp_path, command, flag, value):
    extra = ["-o", str(tmp_path / "x.html")] if command == "render" else []
    result = run(command, str(SAMPLE), *extra, f"{flag}={value}")
    _one_usage_line(result, flag, value)
    assert result.stdout == b""


@pytest.mark.parametrize(
    "variable,value",
    [("ZHENGGAI_MAX_BYTES", "1e400"), ("ZHENGGAI_MAX_CHARS", "abc"), ("ZHENGGAI_TIMEOUT", "nan"),
     ("ZHENGGAI_READ_TIMEOUT", "-1"), ("ZHENGGAI_MAX_PDF_PAGES", "0")],
)
def test_bad_limit_in_the_environment_is_a_one_line_usage_error(variable, value):
    import os

    result = subprocess.run([sys.executable, "-m", "zhenggai", "extract", str(SAMPLE)], capture_output=True,
                            env={**os.environ, variable: value})
    _one_usage_line(result, variable, value)


def test_bad_limit_in_the_environment_never_touches_a_dataset(tmp_path):
    import os

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(SAMPLE.read_bytes())
    result = subprocess.run([sys.executable, "-m", "zhenggai", "batch", str(tmp_path / "in"), "-o",
                             str(tmp_path / "ds"), "--jobs", "1", "--quiet"], capture_output=True,
                            env={**os.environ, "ZHENGGAI_MAX_BYTES": "1e400"})
    _one_usage_line(result, "ZHENGGAI_MAX_BYTES")
    assert not (tmp_path / "ds").exists()


def test_limits_api_refuses_a_bad_environment(monkeypatch):
    from zhenggai.limits import LimitError, Limits

    monkeypatch.setenv("ZHENGGAI_TIMEOUT", "nan")
    with pytest.raises(LimitError, match="ZHENGGAI_TIMEOUT"):
        Limits.from_env()


def test_output_to_a_full_device_is_one_line():
    import os

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "zhenggai", "extract", str(SAMPLE)], stdout=full,
                                stderr=subprocess.PIPE)
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert err.count("\n") == 1 and err.startswith("zhenggai: error: ") and "No space left" in err, err


@pytest.mark.parametrize("name", ["a\nb.txt", "a\rb.txt", "a\x1b[31mb.txt"], ids=["newline", "cr", "escape"])
def test_control_characters_in_a_path_are_escaped_in_the_one_line_error(tmp_path, name):
    result = run("extract", str(tmp_path / name))
    err = result.stderr.decode()
    assert result.returncode == 1
    assert err.count("\n") == 1 and "\r" not in err and "\x1b" not in err, repr(err)
    assert repr(name)[1:-1] in err or name.encode("unicode_escape").decode() in err, err


def test_extract_reads_a_gzipped_crawl_file_and_a_cut_one_is_one_line(tmp_path):
    import gzip

    page = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "crawl.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for n in range(2):
            fh.write(json.dumps({"url": f"http://a.gov.cn/{n}.html", "text": page}, ensure_ascii=False) + "\n")
    result = run("extract", str(path))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.decode().splitlines()) == 2
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(path.read_bytes()[:-40])
    result = run("extract", str(cut))
    err = result.stderr.decode()
    assert result.returncode == 1 and err.count("\n") == 1 and "cut.jsonl.gz" in err, err
