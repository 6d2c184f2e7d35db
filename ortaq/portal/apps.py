"""The site: the thin top floor that puts the apps together.

Layer: site (the top one, with the project's own ortaq/urls.py, api_urls.py and settings). It holds the home
page, the global search page, demo loading (each app's `demo` module run in turn) and the jobs that span the
registry (search index rebuild, synthetic data). It may import every app below; nothing imports it.
"""

from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "ortaq.portal"
    label = "portal"
