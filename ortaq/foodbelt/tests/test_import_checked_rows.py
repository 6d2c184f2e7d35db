"""PostgreSQL: a web import reuses the rows its check validated, unless the registry changed since the check."""

import pytest
from django.db import connection

from ortaq.foodbelt import staging
from ortaq.foodbelt.models import Delivery
from ortaq.foodbelt.tests.test_import_command import _write, farms  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def postgres_only(settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the checked rows are kept on PostgreSQL only")
    settings.VAR_DIR = tmp_path


def _staged(tmp_path, farms, rows: int):  # noqa: F811
    path = staging.staging_dir() / f"{'a' * 64}.csv"
    path.write_bytes(_write(tmp_path / "upload.csv", farms, rows).read_bytes())
    return path


def test_the_import_copies_the_checked_rows_instead_of_validating_again(farms, tmp_path):  # noqa: F811
    path = _staged(tmp_path, farms, 300)
    check = staging.run("deliveries", path, "upload.csv", None, commit=False)
    assert check.ok and check.added == 300 and staging.checked_rows_of(path).is_file()
    assert "keep the checked rows" in check.timings
    done = staging.run("deliveries", path, "upload.csv", None, commit=True)
    assert done.committed and (done.rows, done.added, done.skipped) == (300, 300, 0)
    assert "COPY the checked rows to stage" in done.timings and "validate + COPY to stage" not in done.timings
    assert Delivery.objects.filter(document_number__startswith="N-").count() == 300
    assert done.sample[0]["row"] == 2
    again = staging.run("deliveries", path, "upload.csv", None, commit=True)  # (a second confirm) adds nothing
    assert again.committed and (again.added, again.skipped) == (0, 300)
    staging.discard(path)
    assert not path.exists() and not staging.checked_rows_of(path).exists()


def test_a_registry_changed_since_the_check_is_validated_again(farms, tmp_path):  # noqa: F811
    path = _staged(tmp_path, farms, 50)
    assert staging.run("deliveries", path, "upload.csv", None, commit=False).ok
    farms[0].organization.save()  # an organization edited meanwhile (its BIN could have changed)
    done = staging.run("deliveries", path, "upload.csv", None, commit=True)
    assert done.committed and done.added == 50
    assert "validate + COPY to stage" in done.timings and "COPY the checked rows to stage" not in done.timings


def test_a_check_with_errors_keeps_nothing(farms, tmp_path):  # noqa: F811
    path = staging.staging_dir() / f"{'b' * 64}.csv"
    path.write_bytes(_write(tmp_path / "bad.csv", farms, 40, bad_row=7).read_bytes())
    assert not staging.run("deliveries", path, "bad.csv", None, commit=False).ok
    assert not staging.checked_rows_of(path).exists()



@pytest.fixture
def any_import_is_bulk(settings, monkeypatch):
    """The console would use the bulk phase for any import, however many rows the table holds."""
    from ortaq.foodbelt import pg_import

    settings.ORTAQ_DELIVERY_IMPORT_BULK_ROWS = 1
    monkeypatch.setattr(pg_import, "BULK_SHARE", 0)


def test_an_import_from_the_site_never_locks_other_users_out(farms, tmp_path, any_import_is_bulk):  # noqa: F811
    """Above the console's bulk threshold the site still inserts with the keys in place: no ACCESS EXCLUSIVE
    lock on regions, suppliers and categories, so other users' pages never wait for it."""
    done = staging.run("deliveries", _staged(tmp_path, farms, 120), "upload.csv", None, commit=True)
    assert done.committed and done.added == 120
    assert "insert" in done.timings and "insert (keys dropped)" not in done.timings


def test_an_administrator_may_let_site_imports_use_the_bulk_phase(farms, tmp_path, settings,  # noqa: F811
                                                                  any_import_is_bulk):
    settings.ORTAQ_WEB_IMPORT_BULK_ROWS = 1
    done = staging.run("deliveries", _staged(tmp_path, farms, 120), "upload.csv", None, commit=True)
    assert done.committed and done.added == 120 and "insert (keys dropped)" in done.timings
