"""A user's role and the regions and organizations an editor works for."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ortaq.core.permissions import ADMIN, EDITOR, VIEWER


class Profile(models.Model):
    class Role(models.TextChoices):
        ADMINISTRATOR = ADMIN, _("администратор")
        EDITOR = EDITOR, _("редактор")
        VIEWER = VIEWER, _("читатель")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(_("роль"), max_length=16, choices=Role.choices, default=Role.VIEWER)
    regions = models.ManyToManyField("regions.Region", blank=True, verbose_name=_("регионы"))
    organizations = models.ManyToManyField(
        "directory.Organization", blank=True, verbose_name=_("организации")
    )
    # The interface language the user chose with the switch in the header; empty: the visitor's cookie, else Russian.
    language = models.CharField(_("язык интерфейса"), max_length=8, blank=True, default="",
                                choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("профиль")
        verbose_name_plural = _("профили")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=[ADMIN, EDITOR, VIEWER]), name="profile_role_known"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"
