"""``python -m zhenggai`` runs the command line."""

from zhenggai.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
