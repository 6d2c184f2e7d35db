from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ortaq.regions.models import Region, Settlement


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name_ru", "kind", "centre"]
    search_fields = ["name_ru", "name_kk", "name_en", "code"]


@admin.register(Settlement)
class SettlementAdmin(SimpleHistoryAdmin):
    list_display = ["name_ru", "region", "kind"]
    search_fields = ["name_ru"]
    list_filter = ["region"]
