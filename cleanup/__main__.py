"""``python -m cleanup`` runs the command line."""

from cleanup.cli import main

main()
