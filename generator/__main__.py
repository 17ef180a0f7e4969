"""``python -m generator`` is the ``explainer`` command."""

from generator.adapters.cli import main

raise SystemExit(main())
