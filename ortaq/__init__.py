"""Ortaq — the interregional cooperation registry."""

__version__ = "0.1.0"
