"""Users' roles and profiles: an editor's profile names the regions and organizations the editor works for.

Layer: domain (ortaq/layers.py), since the profile relates users to regions and directory records. It may import
core and jobs, and the domain apps it sits on (regions, directory); nothing below it imports it.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ortaq.accounts"
    label = "accounts"
    verbose_name = _("Пользователи и роли")
