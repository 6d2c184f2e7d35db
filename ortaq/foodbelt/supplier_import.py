"""Importing suppliers: each row goes through the organization form a person fills in, all or nothing."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ortaq.core.permissions import ADMIN, role_of, user_scope
from ortaq.directory.forms import OrganizationForm
from ortaq.directory.models import Organization
from ortaq.foodbelt.importer import ImportResult, Lookups, RowError, _fold, header_key
from ortaq.foodbelt.models import SUPPLIER_KINDS, Supplier
from ortaq.sources.models import Source, add_source

# (key, header of the template, other accepted headers)
COLUMNS = [
    ("name", gettext_noop("Название"), ("name", "организация", "поставщик")),
    ("bin", gettext_noop("БИН"), ("bin",)),
    ("kind", gettext_noop("Вид"), ("kind", "вид организации")),
    ("legal_form", gettext_noop("ОПФ"), ("legal_form", "организационно-правовая форма")),
    ("region", gettext_noop("Регион"), ("region", "область")),
    ("categories", gettext_noop("Категории продукции"), ("categories", "категории", "продукция")),
    ("note", gettext_noop("Примечание"), ("note",)),
]
HEADER_KEYS = {_fold(alias): key for key, header, aliases in COLUMNS for alias in (key, header, *aliases)}
KINDS = {_fold(label): value for value, label in Organization.Kind.choices if value in SUPPLIER_KINDS}
KINDS.update({value: value for value in SUPPLIER_KINDS})


def template_headers() -> list[str]:
    """The template's headers in the interface language."""
    return [_(header) for _key, header, _aliases in COLUMNS]


def import_suppliers(rows: Iterable[list], *, user=None, file_name: str = "", commit: bool = True) -> ImportResult:
    """Create the organizations and suppliers of the rows; existing suppliers (same BIN or name) are skipped."""
    result = ImportResult()
    lookups = Lookups()
    scope = user_scope(user) if user is not None and role_of(user) != ADMIN else None
    iterator = iter(rows)
    header = next(iterator, None) or []
    columns = {}
    for index, name in enumerate(header):
        key = header_key(name, COLUMNS, HEADER_KEYS)
        if key and key not in columns:
            columns[key] = (index, str(name).strip())
    headers = {key: columns.get(key, (None, _(label)))[1] for key, label, _a in COLUMNS}
    for key in ("name", "region"):
        if key not in columns:
            result.error_count += 1
            result.errors.append(RowError(1, headers[key], "", _("Нет обязательного столбца «%(column)s».")
                                          % {"column": headers[key]}))
    if result.error_count:
        return result
    seen: dict[str, int] = {}

    def error(row: int, key: str, value, message: str) -> None:
        result.error_count += 1
        result.errors.append(RowError(row, headers[key], "" if value is None else str(value), message))

    with transaction.atomic():
        for number, values in enumerate(iterator, start=2):
            cells = {key: values[index] if index < len(values) else None for key, (index, _h) in columns.items()}
            cells = {key: ("" if value is None else str(value).strip()) for key, value in cells.items()}
            if not any(cells.values()):
                continue
            result.rows += 1
            existing = _existing(cells, lookups)
            if existing:
                result.skipped += 1
                continue
            duplicate_key = cells.get("bin") or _fold(cells.get("name"))
            if duplicate_key in seen:
                error(number, "bin" if cells.get("bin") else "name", duplicate_key,
                      _("Поставщик повторяется в файле (впервые в строке %(row)s).") % {"row": seen[duplicate_key]})
                continue
            seen[duplicate_key] = number
            region = lookups.regions.get(_fold(cells.get("region")))
            if region is None:
                error(number, "region", cells.get("region"), _("Неизвестный регион: «%(value)s».")
                      % {"value": cells.get("region")})
            elif scope is not None and region not in scope[0]:
                error(number, "region", cells.get("region"), _("Регион не относится к вашей зоне."))
            kind = KINDS.get(_fold(cells.get("kind") or "agricultural_producer"))
            if kind is None:
                error(number, "kind", cells.get("kind"), _("Вид поставщика — сельхозпроизводитель, "
                                                           "перерабатывающее предприятие или кооператив."))
            categories = []
            for name in filter(None, (part.strip() for part in re.split(r"[;,]", cells.get("categories", "")))):
                if _fold(name) not in lookups.categories:
                    error(number, "categories", name, _("Неизвестная категория: «%(value)s».") % {"value": name})
                categories.append(lookups.categories.get(_fold(name)))
            form = OrganizationForm({"name": cells.get("name"), "bin": cells.get("bin"), "kind": kind,
                                     "legal_form": cells.get("legal_form", ""), "region": region,
                                     "note": cells.get("note", "")}, user=user)
            if not form.is_valid():
                for field, messages in form.errors.items():
                    key = field if field in headers else "name"
                    error(number, key, cells.get(key), messages[0])
            if result.error_count or region is None or kind is None:
                continue
            organization = form.save()
            supplier = Supplier.objects.create(organization=organization, note=cells.get("note", ""))
            supplier.categories.set(categories)
            add_source(supplier, Source.Kind.IMPORT, file_name=file_name[:255], row_number=number, entered_by=user)
            result.added += 1
        if result.error_count or not commit:
            transaction.set_rollback(True)
        else:
            result.committed = True
    return result


def _existing(cells: dict, lookups: Lookups) -> bool:
    if cells.get("bin"):
        return cells["bin"] in lookups.by_bin
    return _fold(cells.get("name")) in lookups.by_name
