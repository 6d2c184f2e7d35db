"""`ortaq remind`: email each owner organization's people a digest of the commitments due."""

from django.core.management.base import BaseCommand

from ortaq.agreements.models import DUE_SOON_DAYS
from ortaq.analytics import reminders


class Command(BaseCommand):
    help = ("Send every owner organization a digest of its overdue commitments and those due soon "
            "(Django email backend; the console by default).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=DUE_SOON_DAYS, help="how far ahead 'due soon' looks")
        parser.add_argument("--to", action="append", default=[],
                            help="send every digest to this address instead (repeatable)")
        parser.add_argument("--dry-run", action="store_true", help="list the digests without sending")

    def handle(self, *args, **options) -> None:
        sent = skipped = 0
        for digest in reminders.digests(days=options["days"]):
            line = (f"{digest.owner}: {len(digest.overdue)} overdue, {len(digest.due_soon)} due soon → "
                    f"{', '.join(options['to'] or digest.recipients) or 'no recipient'}")
            if options["dry_run"]:
                self.stdout.write(line)
                continue
            if reminders.send(digest, to=options["to"] or None):
                sent += 1
            else:
                skipped += 1
                self.stderr.write(f"skipped (no recipient with an email): {line}")
        if not options["dry_run"]:
            self.stdout.write(f"digests sent: {sent}, without recipient: {skipped}")
