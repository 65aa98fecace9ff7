"""`python -m bench.corpus`: see bench/corpus/cli.py."""

from bench.corpus.cli import main

raise SystemExit(main())
