from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ortaq.projects.models import JointProject, Milestone


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(JointProject)
class JointProjectAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "status", "start_year", "end_year"]
    inlines = [MilestoneInline]
