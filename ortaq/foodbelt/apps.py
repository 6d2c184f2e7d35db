from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FoodbeltConfig(AppConfig):
    name = "ortaq.foodbelt"
    label = "foodbelt"
    verbose_name = _("Продовольственный пояс")

    def ready(self) -> None:
        from ortaq.foodbelt import signals  # noqa: F401
