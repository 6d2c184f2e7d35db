"""Django's createsuperuser, but the password from DJANGO_SUPERUSER_PASSWORD meets the validators too."""

import os

from django.contrib.auth.management.commands import createsuperuser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError


class Command(createsuperuser.Command):
    def handle(self, *args, **options) -> None:
        # Django checks the password only when it is typed; a scripted one would slip through.
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        if not options["interactive"] and password:
            username = options.get(self.UserModel.USERNAME_FIELD) or os.environ.get("DJANGO_SUPERUSER_USERNAME")
            try:
                validate_password(password, self.UserModel(**{self.UserModel.USERNAME_FIELD: username or ""}))
            except ValidationError as error:
                raise CommandError("; ".join(error.messages)) from error
        super().handle(*args, **options)
