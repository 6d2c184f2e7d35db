from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ortaq.accounts.demo_users import DEMO_PASSWORD, DEMO_USERS, create_demo_users


class Command(BaseCommand):
    help = "Create the demo users (administrator, two regional editors, a viewer, an outsider)."

    def handle(self, *args, **options) -> None:
        if settings.PRODUCTION:
            raise CommandError("Demo users with a known password are refused when ORTAQ_ENV=production.")
        create_demo_users()
        for demo in DEMO_USERS:
            self.stdout.write(f"  {demo.username:<10} / {DEMO_PASSWORD}  — {demo.description}")
