"""PostgreSQL, large files: staged rows stored with the foreign keys dropped and re-added exactly as they were."""

import psycopg
import pytest
from django.db import connection

from ortaq.foodbelt import pg_import
from ortaq.foodbelt.importer import DeliveryImporter, template_headers
from ortaq.foodbelt.models import Delivery, DeliveryImport
from ortaq.foodbelt.tests.factories import delivery, supplier
from ortaq.foodbelt.tests.test_rollups import _assert_equal_to_a_rebuild

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def postgres_only(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("the bulk phase is PostgreSQL's")
    monkeypatch.setattr(pg_import, "BULK_SHARE", 0)  # whatever the test database already holds


@pytest.fixture
def farms(demo):
    return [supplier(f"КХ «Массив-{index}»", demo.karaganda) for index in range(3)]


def _keys() -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT conname, pg_get_constraintdef(oid), convalidated, condeferrable, condeferred "
                       "FROM pg_constraint WHERE conrelid = 'foodbelt_delivery'::regclass AND contype = 'f' "
                       "ORDER BY conname")
        return cursor.fetchall()


def _rows(farms, count: int, *, edits: dict[int, dict] | None = None) -> list[list]:
    rows = [template_headers()]
    for index in range(count):
        row = {"bin": farms[index % len(farms)].organization.bin, "tonnes": f"{1 + index % 5}.125",
               "tenge": f"{10_000 + index}.25", "document": f"B-{index:06d}", "date": f"2018-{1 + index % 12:02d}-07"}
        row.update((edits or {}).get(index, {}))
        rows.append([row["bin"], "", "dairy", row["date"], row["tonnes"], row["tenge"], "KZ-71", "", row["document"]])
    return rows


def _importer(**options) -> DeliveryImporter:
    return DeliveryImporter(bulk_rows=50, chunk_size=40, file_name="bulk.csv", **options)


def test_it_stores_a_large_file_with_the_keys_restored_and_a_rerun_adds_nothing(
        farms, django_capture_on_commit_callbacks):
    keys = _keys()
    assert len(keys) == 3 and all(key[2] for key in keys)
    importer = _importer()
    with django_capture_on_commit_callbacks(execute=True):
        result = importer.run(_rows(farms, 300))
    assert result.committed and (result.added, result.skipped, result.error_count) == (300, 0, 0)
    assert importer.stage.used_bulk
    assert _keys() == keys  # same names and definitions, validated again after the commit
    stored = Delivery.objects.filter(document_number__startswith="B-")
    assert stored.count() == 300 and {d.batch.file_name for d in stored[:5]} == {"bulk.csv"}
    assert [r["row"] for r in result.sample[:3]] == [2, 3, 4]
    _assert_equal_to_a_rebuild()

    again = _importer()
    result = again.run(_rows(farms, 300))
    assert (result.added, result.skipped, result.error_count) == (0, 300, 0) and not again.stage.used_bulk
    assert stored.count() == 300 and _keys() == keys
    _assert_equal_to_a_rebuild()


def test_it_refuses_repeats_bad_rows_and_conflicts_across_chunks_storing_nothing(farms, demo):
    delivery(farms[1], demo.astana, number="B-000007", tenge="1")  # the same document with other data
    keys, before = _keys(), Delivery.objects.count()
    edits = {120: {"document": "B-000003", "bin": farms[0].organization.bin},  # row 5 again, three chunks later
             200: {"tonnes": "0"}, 250: {"date": "31.02.2018"}}
    result = _importer().run(_rows(farms, 300, edits=edits))
    assert not result.committed
    assert [(error.row, error.column) for error in result.errors] == [
        (9, "Номер документа"), (122, "Номер документа"), (202, "Объём, т"), (252, "Дата")]
    assert "уже есть в реестре с другими данными" in result.errors[0].message
    assert "впервые в строке 5" in result.errors[1].message
    assert Delivery.objects.count() == before and not DeliveryImport.objects.filter(file_name="bulk.csv").exists()
    assert _keys() == keys


def test_a_failure_after_the_keys_were_dropped_leaves_them_and_the_rows_as_they_were(farms, monkeypatch):
    keys, before = _keys(), Delivery.objects.count()

    def vanished(stage, cursor) -> bool:
        assert not [key for key in _keys() if key[0] == keys[0][0]]  # really dropped at this point
        stage.importer._error(0, "", "", "удалены во время импорта")
        return False

    monkeypatch.setattr(pg_import.Stage, "_references_exist", vanished)
    importer = _importer()
    result = importer.run(_rows(farms, 300))
    assert importer.stage.used_bulk and not result.committed and result.errors[0].row == 0
    assert _keys() == keys and Delivery.objects.count() == before


def test_it_refuses_cleanly_when_readers_hold_the_tables(farms, settings):
    settings.ORTAQ_DELIVERY_IMPORT_LOCK_TIMEOUT_MS = 200
    keys, before = _keys(), Delivery.objects.count()
    db = connection.settings_dict
    with psycopg.connect(host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432, user=db["USER"],
                         password=db["PASSWORD"], dbname=db["NAME"]) as reader:
        reader.execute("SELECT count(*) FROM regions_region")  # a reader's open transaction on the regions
        result = _importer().run(_rows(farms, 300))
    assert not result.committed and result.error_count == 1
    assert "заняты" in result.errors[0].message and "Повторите импорт позже" in result.errors[0].message
    assert _keys() == keys and Delivery.objects.count() == before


def test_a_small_file_keeps_the_keys_in_place_and_validates_a_key_a_killed_import_left(
        farms, django_capture_on_commit_callbacks):
    keys = _keys()
    name, definition = keys[0][:2]
    with connection.cursor() as cursor:  # as a process killed between COMMIT and VALIDATE leaves it
        cursor.execute(f'ALTER TABLE foodbelt_delivery DROP CONSTRAINT "{name}"')
        cursor.execute(f'ALTER TABLE foodbelt_delivery ADD CONSTRAINT "{name}" {definition} NOT VALID')
    assert _keys() != keys
    importer = DeliveryImporter(bulk_rows=1000)
    with django_capture_on_commit_callbacks(execute=True):
        result = importer.run(_rows(farms, 30))
    assert result.added == 30 and not importer.stage.used_bulk and _keys() == keys
    _assert_equal_to_a_rebuild()
