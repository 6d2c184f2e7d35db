"""Rollups of deliveries, refreshed on every write so that dashboards read thousands of rows, not millions.

Two tables: `DeliveryRollup` (supplying region × consuming region × category × year × month) and
`SupplierYear` (supplier × consuming region × year). Each refresh deletes the affected cells and
recomputes them from the deliveries by one INSERT … SELECT, inside the caller's transaction.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import connection

from ortaq.foodbelt.models import Delivery, DeliveryRollup, SupplierYear

FROM = ("FROM foodbelt_delivery d JOIN foodbelt_supplier s ON s.id = d.supplier_id "
        "JOIN directory_organization o ON o.id = s.organization_id WHERE o.region_id IS NOT NULL")


def _part(name: str) -> str:
    """SQL for the year or month of a delivery's date, in the current database's dialect."""
    if connection.vendor == "postgresql":
        return f"CAST(EXTRACT({name.upper()} FROM d.date) AS INTEGER)"
    return f"CAST(strftime('{'%Y' if name == 'year' else '%m'}', d.date) AS INTEGER)"


def _insert_cells(where: str, params: list) -> None:
    year, month = _part("year"), _part("month")
    sql = (
        "INSERT INTO foodbelt_deliveryrollup (supplier_region_id, consumer_region_id, category_id, year, month, "
        "value_tenge, volume_tonnes, deliveries) "
        f"SELECT o.region_id, d.consumer_region_id, d.category_id, {year}, {month}, SUM(d.value_tenge), "
        f"SUM(d.volume_tonnes), COUNT(*) {FROM} {where} "
        f"GROUP BY o.region_id, d.consumer_region_id, d.category_id, {year}, {month}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _insert_supplier_years(where: str, params: list) -> None:
    year = _part("year")
    sql = (
        "INSERT INTO foodbelt_supplieryear (supplier_id, supplier_region_id, consumer_region_id, year, "
        "value_tenge, volume_tonnes, deliveries) "
        f"SELECT d.supplier_id, o.region_id, d.consumer_region_id, {year}, SUM(d.value_tenge), "
        f"SUM(d.volume_tonnes), COUNT(*) {FROM} {where} "
        f"GROUP BY d.supplier_id, o.region_id, d.consumer_region_id, {year}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _date_range(first: datetime.date, end: datetime.date) -> tuple[str, list]:
    return " AND d.date >= %s AND d.date < %s", [first, end]


def rebuild(consumer_region_ids: Iterable[int] | None = None, years: Iterable[int] | None = None) -> None:
    """Recompute every cell of the given consuming regions and years (all when None)."""
    regions = sorted(set(consumer_region_ids)) if consumer_region_ids is not None else None
    year_list = sorted(set(years)) if years is not None else [None]
    for year in year_list:
        where, params = "", []
        cells, supplier_years = DeliveryRollup.objects.all(), SupplierYear.objects.all()
        if regions is not None:
            where += f" AND d.consumer_region_id IN ({', '.join(['%s'] * len(regions))})"
            params += regions
            cells, supplier_years = cells.filter(consumer_region__in=regions), supplier_years.filter(
                consumer_region__in=regions)
        if year is not None:
            clause, dates = _date_range(datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1))
            where, params = where + clause, params + dates
            cells, supplier_years = cells.filter(year=year), supplier_years.filter(year=year)
        if regions == []:
            continue
        cells.delete()
        supplier_years.delete()
        _insert_cells(where, params)
        _insert_supplier_years(where, params)


def refresh_keys(keys: Iterable[tuple[int, int, int, datetime.date]]) -> None:
    """Recompute the cells touched by deliveries with these (supplier, consumer region, category, date) keys."""
    from ortaq.foodbelt.models import Supplier

    keys = set(keys)
    regions = dict(Supplier.objects.filter(pk__in={key[0] for key in keys})
                   .values_list("pk", "organization__region_id"))
    cells = {(regions.get(supplier), consumer, category, day.year, day.month)
             for supplier, consumer, category, day in keys}
    for supplier_region, consumer, category, year, month in cells:
        if supplier_region is None:
            continue
        DeliveryRollup.objects.filter(supplier_region=supplier_region, consumer_region=consumer, category=category,
                                      year=year, month=month).delete()
        first = datetime.date(year, month, 1)
        end = datetime.date(year + month // 12, month % 12 + 1, 1)
        clause, dates = _date_range(first, end)
        _insert_cells(" AND o.region_id = %s AND d.consumer_region_id = %s AND d.category_id = %s" + clause,
                      [supplier_region, consumer, category, *dates])
    for supplier, consumer, year in {(key[0], key[1], key[3].year) for key in keys}:
        SupplierYear.objects.filter(supplier=supplier, consumer_region=consumer, year=year).delete()
        clause, dates = _date_range(datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1))
        _insert_supplier_years(" AND d.supplier_id = %s AND d.consumer_region_id = %s" + clause,
                               [supplier, consumer, *dates])


def add(cells: dict[tuple, list], supplier_years: dict[tuple, list]) -> None:
    """Add imported deliveries' sums to the rollups: one upsert per cell, safe against concurrent imports.

    `cells`: {(supplier region, consumer region, category, year, month): [tenge, tonnes, count]};
    `supplier_years`: {(supplier, supplier region, consumer region, year): [tenge, tonnes, count]}.
    """
    with connection.cursor() as cursor:
        if cells:
            cursor.executemany(
                "INSERT INTO foodbelt_deliveryrollup (supplier_region_id, consumer_region_id, category_id, year, "
                "month, value_tenge, volume_tonnes, deliveries) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (supplier_region_id, consumer_region_id, category_id, year, month) DO UPDATE SET "
                "value_tenge = foodbelt_deliveryrollup.value_tenge + excluded.value_tenge, "
                "volume_tonnes = foodbelt_deliveryrollup.volume_tonnes + excluded.volume_tonnes, "
                "deliveries = foodbelt_deliveryrollup.deliveries + excluded.deliveries",
                [(*key, *sums) for key, sums in cells.items()])
        if supplier_years:
            cursor.executemany(
                "INSERT INTO foodbelt_supplieryear (supplier_id, supplier_region_id, consumer_region_id, year, "
                "value_tenge, volume_tonnes, deliveries) VALUES (%s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (supplier_id, consumer_region_id, year) DO UPDATE SET "
                "value_tenge = foodbelt_supplieryear.value_tenge + excluded.value_tenge, "
                "volume_tonnes = foodbelt_supplieryear.volume_tonnes + excluded.volume_tonnes, "
                "deliveries = foodbelt_supplieryear.deliveries + excluded.deliveries",
                [(*key, *sums) for key, sums in supplier_years.items()])


def delivery_key(delivery: Delivery) -> tuple[int, int, int, datetime.date]:
    return (delivery.supplier_id, delivery.consumer_region_id, delivery.category_id, delivery.date)
