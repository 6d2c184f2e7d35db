from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ortaq.directory.models import Organization, Person, Position


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "legal_form", "kind", "region", "bin"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "short_name", "bin"]


class PositionInline(admin.TabularInline):
    model = Position
    extra = 0


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["last_name", "first_name", "patronymic"]
    search_fields = ["last_name", "first_name"]
    inlines = [PositionInline]


@admin.register(Position)
class PositionAdmin(SimpleHistoryAdmin):
    list_display = ["person", "title", "region", "organization", "start_date", "end_date"]
