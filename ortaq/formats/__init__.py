"""Per-language display conventions (Django's FORMAT_MODULE_PATH): one module per interface language.

Django's own locale formats give dates and number separators; the modules here add what Django lacks
(currency placement, the spreadsheet date code). A new interface language adds `<code>/formats.py`.
"""
