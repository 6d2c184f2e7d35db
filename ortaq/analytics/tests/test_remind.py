"""`ortaq remind` sends each owner organization's people a digest of what is due."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from ortaq.accounts.demo_users import create_user
from ortaq.analytics.tests.builders import pavlodar_kostanay
from ortaq.core.permissions import EDITOR

pytestmark = pytest.mark.django_db


def test_it_sends_each_owner_a_digest_of_what_is_due(demo):
    built = pavlodar_kostanay(timezone.localdate())
    user = create_user("pavel", EDITOR, organization_ids=[built.plant.pk])
    user.email = "pavel@example.kz"
    user.save()
    call_command("remind")
    sent = [message for message in mail.outbox if "pavel@example.kz" in message.to]
    assert len(sent) == 1
    assert "Построить элеватор" in sent[0].body and "Открыть маршрут" in sent[0].body
    assert "Провести тур" not in sent[0].body
    assert "Павлодарский тестовый завод" in sent[0].subject


def test_a_dry_run_sends_nothing(demo, capsys):
    pavlodar_kostanay(timezone.localdate())
    call_command("remind", "--dry-run")
    out = capsys.readouterr().out
    assert not mail.outbox and "Павлодарский тестовый завод" in out and "1 overdue, 1 due soon" in out


def test_each_recipient_reads_the_digest_in_their_language(demo):
    built = pavlodar_kostanay(timezone.localdate())
    for name, language in (("ruslan", ""), ("kanat", "kk"), ("emma", "en")):
        user = create_user(name, EDITOR, organization_ids=[built.plant.pk])
        user.email = f"{name}@example.kz"
        user.save()
        user.profile.language = language
        user.profile.save()
    call_command("remind")
    by_address = {address: message for message in mail.outbox for address in message.to}
    assert "ПРОСРОЧЕНО" in by_address["ruslan@example.kz"].body
    kazakh, english = by_address["kanat@example.kz"], by_address["emma@example.kz"]
    assert "МЕРЗІМІ ӨТКЕН" in kazakh.body and "міндеттемелері" in kazakh.subject
    assert "ПРОСРОЧЕНО" not in kazakh.body and "Построить элеватор" in kazakh.body
    assert "OVERDUE" in english.body and english.subject.startswith("Ortaq: commitments of")
    assert "kanat@example.kz" not in english.to
