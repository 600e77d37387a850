"""Coverage-guided fuzzing of one-notice extraction with atheris (long runs; pytest does not collect it).

    pip install atheris
    python tests/fuzz/atheris_extract.py -max_total_time=60              # text path
    python tests/fuzz/atheris_extract.py -max_total_time=60 --bytes      # bytes path (sniff, decode, readers)
    python tests/fuzz/atheris_extract.py crash-<hash>                    # replay one finding

Each input becomes either text (decoded from the fuzzer's bytes, surrogates and
all) for ``zhenggai.extract_text``, or raw bytes for ``zhenggai.extract_notice``
(format sniffed: txt, html, pdf, docx).  The record is checked against the
output contract (tests/fuzz/contract.py); only ZhenggaiError may escape.
Findings are written as ``crash-*`` files in the working directory.

Seeds: the fixture notices (tests/fixtures/notices/*.txt) when no corpus
folder is given, so the fuzzer starts from real-shaped text.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # for tests.fuzz.contract when run as a script

import atheris  # noqa: E402

with atheris.instrument_imports():
    # Instrumented (coverage guides the fuzzer): the API and the modules it loads lazily.
    import zhenggai.api  # noqa: E402,F401
    import zhenggai.facts  # noqa: E402,F401
    import zhenggai.mentions.counts  # noqa: E402,F401
    import zhenggai.mentions.dates  # noqa: E402,F401
    import zhenggai.mentions.documents  # noqa: E402,F401
    import zhenggai.mentions.money  # noqa: E402,F401
    import zhenggai.mentions.multiple  # noqa: E402,F401
    import zhenggai.mentions.percent  # noqa: E402,F401
    import zhenggai.outline  # noqa: E402,F401
    import zhenggai.read  # noqa: E402,F401
    import zhenggai.read.docx  # noqa: E402,F401
    import zhenggai.read.html  # noqa: E402,F401
    import zhenggai.read.pdf  # noqa: E402,F401
    from tests.fuzz.contract import check_notice, run_one  # noqa: E402

from zhenggai.errors import ZhenggaiError  # noqa: E402
from zhenggai.limits import Limits  # noqa: E402

BYTES_MODE = "--bytes" in sys.argv
LIMITS = Limits(seconds=5, read_seconds=10)


def _text(data: bytes) -> str:
    provider = atheris.FuzzedDataProvider(data)
    if provider.ConsumeBool():
        # Mostly Chinese text in UTF-8; the rest as arbitrary code points (surrogates included).
        return data[1:].decode("utf-8", errors="replace")
    return provider.ConsumeUnicode(len(data))


def test_one(data: bytes) -> None:
    if BYTES_MODE:
        try:
            notice = zhenggai.api.extract_notice(data, name="fuzz.bin", limits=LIMITS)
        except ZhenggaiError as exc:
            assert "\n" not in str(exc), f"error message is not one line: {exc!r}"
            return
        check_notice(notice.text, notice)
        return
    run_one(_text(data), limits=LIMITS)


def main() -> None:
    argv = [a for a in sys.argv if a != "--bytes"]
    fixtures = REPO / "tests" / "fixtures"
    seeds = sorted((fixtures / "notices").glob("*.txt"))
    if BYTES_MODE:
        seeds += sorted((fixtures / "html").glob("*.html"))  # GBK, Big5 and UTF-8 pages
    if seeds and not any(not a.startswith("-") for a in argv[1:]):  # no corpus folder or crash file given
        corpus = Path("fuzz-corpus-bytes" if BYTES_MODE else "fuzz-corpus")
        corpus.mkdir(exist_ok=True)
        for seed in seeds:
            # Text mode: a leading \x01 selects the UTF-8 branch of _text.
            (corpus / seed.name).write_bytes(seed.read_bytes() if BYTES_MODE else b"\x01" + seed.read_bytes())
        argv.append(str(corpus))
    atheris.Setup(argv, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
