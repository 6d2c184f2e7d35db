"""Digests of commitments due: one per owner organization, sent to the people who answer for it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from ortaq.accounts.models import Profile
from ortaq.agreements.models import DUE_SOON_DAYS, Commitment


@dataclass
class Digest:
    owner: object
    overdue: list = field(default_factory=list)
    due_soon: list = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)


def digests(days: int = DUE_SOON_DAYS, today: datetime.date | None = None) -> list[Digest]:
    """Open commitments overdue or due within `days`, grouped by owner, with each owner's recipients."""
    today = today or timezone.localdate()
    due = (Commitment.objects.open().filter(owner__isnull=False, due_date__lte=today + datetime.timedelta(days=days))
           .select_related("owner", "owner__region", "agreement").order_by("owner__name", "due_date", "pk"))
    by_owner: dict[int, Digest] = {}
    for commitment in due:
        digest = by_owner.setdefault(commitment.owner_id, Digest(owner=commitment.owner))
        (digest.overdue if commitment.due_date < today else digest.due_soon).append(commitment)
    regions = {digest.owner.region_id for digest in by_owner.values() if digest.owner.region_id}
    # Editors answer for their organizations and for the organizations of their regions.
    users = (Profile.objects.filter(user__is_active=True).exclude(user__email="")
             .filter(Q(organizations__in=list(by_owner)) | Q(regions__in=regions))
             .values_list("user__email", "organizations", "regions").distinct())
    for email, organization_id, region_id in users:
        for digest in by_owner.values():
            if digest.owner.pk == organization_id or (region_id and digest.owner.region_id == region_id):
                if email not in digest.recipients:
                    digest.recipients.append(email)
    return list(by_owner.values())


def recipients_by_language(emails: list[str]) -> dict[str, list[str]]:
    """The addresses grouped by their user's interface language (the profile's; Russian when unset or unknown)."""
    chosen = dict(Profile.objects.filter(user__email__in=emails).exclude(language="")
                  .values_list("user__email", "language"))
    groups: dict[str, list[str]] = {}
    for email in emails:
        groups.setdefault(chosen.get(email, settings.LANGUAGE_CODE), []).append(email)
    return groups


def send(digest: Digest, to: list[str] | None = None, today: datetime.date | None = None) -> int:
    """Send one digest through Django's email backend, one message per language of its recipients, each written
    in that language (addresses given with `to` get the default language); the number of messages sent."""
    groups = {settings.LANGUAGE_CODE: to} if to else recipients_by_language(digest.recipients)
    context = {"digest": digest, "today": today or timezone.localdate()}
    sent = 0
    for language, recipients in groups.items():
        with translation.override(language):
            subject = render_to_string("analytics/remind_subject.txt", context).strip()
            body = render_to_string("analytics/remind_body.txt", context)
        sent += send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    return sent
