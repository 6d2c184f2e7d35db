"""Fold the Kazakh letters of existing search entries (ә→а, қ→к, …), as new entries and queries are folded."""

from django.db import migrations

KAZAKH_FOLD = str.maketrans("әөүұқғңһі", "аоуукгнхи")
KAZAKH_LETTERS = "әөүұқғңһі"


def fold_entries(apps, schema_editor):
    from django.db.models import Q

    SearchEntry = apps.get_model("core", "SearchEntry")
    has_kazakh = Q()
    for letter in KAZAKH_LETTERS:
        has_kazakh |= Q(lemmas__contains=letter) | Q(words__contains=letter)
    batch = []
    for entry in SearchEntry.objects.filter(has_kazakh).only("pk", "lemmas", "words").iterator(chunk_size=2000):
        entry.lemmas = entry.lemmas.translate(KAZAKH_FOLD)
        entry.words = entry.words.translate(KAZAKH_FOLD)
        batch.append(entry)
        if len(batch) >= 2000:
            SearchEntry.objects.bulk_update(batch, ["lemmas", "words"])
            batch = []
    SearchEntry.objects.bulk_update(batch, ["lemmas", "words"])


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(fold_entries, migrations.RunPython.noop)]
