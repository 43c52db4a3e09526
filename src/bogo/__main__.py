"""``python -m bogo`` runs the command line."""

from .cli import main

main()
