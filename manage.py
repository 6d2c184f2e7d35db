#!/usr/bin/env python
"""Django's command-line utility for Ortaq (the same as the `ortaq` command)."""

from ortaq.__main__ import main

if __name__ == "__main__":
    main()
