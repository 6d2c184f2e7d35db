from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ortaq.events.models import Event, Participation, Program, ReportedFigure


class ReportedFigureInline(admin.TabularInline):
    model = ReportedFigure
    extra = 0


@admin.register(Program)
class ProgramAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "host_region", "start_date"]
    inlines = [ReportedFigureInline]


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "start_date", "region"]
    list_filter = ["kind", "region"]
    search_fields = ["title"]
    inlines = [ParticipationInline]
