"""Base table of every record list."""

import django_tables2 as tables


class RecordTable(tables.Table):
    class Meta:
        attrs = {"class": "table"}
        template_name = "core/table.html"
        per_page = 25
