"""The `ortaq` console command: Django management with Ortaq's settings."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a management command, e.g. `ortaq migrate` or `ortaq extract FILE`."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ortaq.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ortaq", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
