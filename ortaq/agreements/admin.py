from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ortaq.agreements.models import Agreement, Area, Commitment, Party, ProgressReport


class PartyInline(admin.TabularInline):
    model = Party
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "status", "signed_on"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "number"]
    inlines = [PartyInline]


@admin.register(Area)
class AreaAdmin(SimpleHistoryAdmin):
    list_display = ["slug", "name_ru"]


class ProgressReportInline(admin.TabularInline):
    model = ProgressReport
    extra = 0


@admin.register(Commitment)
class CommitmentAdmin(SimpleHistoryAdmin):
    list_display = ["text", "agreement", "owner", "due_date", "status"]
    list_filter = ["status"]
    inlines = [ProgressReportInline]
