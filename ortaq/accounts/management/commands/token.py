"""`ortaq token USER [--reset]`: the API token of a user, for programs (`Authorization: Token <key>`)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = ("Print the API token of a user (created on first use). Programs send it as "
            "`Authorization: Token <key>` and act with that user's rights. --reset replaces it.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--reset", action="store_true", help="revoke the old token and issue a new one")

    def handle(self, *args, username: str, reset: bool = False, **options) -> None:
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"Нет активного пользователя «{username}».")
        if reset:
            Token.objects.filter(user=user).delete()
        token, _ = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)
